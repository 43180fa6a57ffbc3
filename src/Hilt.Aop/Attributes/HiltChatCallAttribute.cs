namespace Hilt.Aop;

/// <summary>Marks a method, or every method of an interface or class, as a chat call that Hilt logs.</summary>
/// <remarks>
/// <para>
/// The prompt is the parameter marked <see cref="HiltPromptAttribute"/>, else a <see cref="string"/> parameter named
/// <c>prompt</c>, <c>question</c>, <c>message</c> or <c>input</c>, else the first <see cref="string"/> parameter. The reply is
/// read from a <see cref="string"/> result (also inside <see cref="Task{TResult}"/>, <see cref="ValueTask{TResult}"/>, or
/// streamed as <see cref="IAsyncEnumerable{T}"/> of <see cref="string"/>), or from a result that implements
/// <see cref="IHiltChatResult"/>.
/// </para>
/// <para>
/// Without this attribute, a method is still a chat call by convention when it has a <see cref="HiltPromptAttribute"/>
/// parameter, or a <see cref="string"/> parameter with one of the names above and a <see cref="string"/>,
/// <see cref="Task{TResult}"/> of <see cref="string"/>, <see cref="ValueTask{TResult}"/> of <see cref="string"/> or
/// <see cref="IAsyncEnumerable{T}"/> of <see cref="string"/> result. Put <see cref="HiltIgnoreAttribute"/> on a method
/// that matches the convention but is not a chat call.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class HiltChatCallAttribute : Attribute
{
    /// <summary>Gets or sets the provider written on the completion (its actor id and the <c>provider</c> extension).</summary>
    /// <value>The default value is <see langword="null"/>: the name of the interface (or class) that declares the method.</value>
    public string? Provider { get; set; }

    /// <summary>Gets or sets the model written when the result does not tell it.</summary>
    public string? Model { get; set; }
}
