namespace Hilt.Aop;

/// <content>The default redactor: credentials are replaced before any sink sees an event.</content>
public sealed partial class HiltRecorder
{
    private static partial IHiltRedactor? CreateDefaultRedactor(HiltOptions options) => new SecretRedactor(options.RedactMessageSecrets);
}
