namespace Hilt.Aop;

/// <content>The default redactor: filled in by the redaction feature.</content>
public sealed partial class HiltRecorder
{
    private static partial IHiltRedactor? CreateDefaultRedactor(HiltOptions options) => null;
}
