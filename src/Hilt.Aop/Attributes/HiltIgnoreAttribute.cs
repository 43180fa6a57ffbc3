namespace Hilt.Aop;

/// <summary>Marks a method that Hilt must never log, even though it matches the chat call convention or its interface is marked.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class HiltIgnoreAttribute : Attribute
{
}
