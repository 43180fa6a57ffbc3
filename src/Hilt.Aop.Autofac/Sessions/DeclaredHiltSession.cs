namespace Hilt.Aop.Autofac;

/// <summary>The session a lifetime scope was begun with; registered in that scope only, so a child can tell it is inherited.</summary>
internal sealed class DeclaredHiltSession
{
    public DeclaredHiltSession(HiltSession session)
    {
        Session = session;
    }

    public HiltSession Session { get; }
}
