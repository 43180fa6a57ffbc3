using Autofac;
using Autofac.Core;

namespace Hilt.Aop.Autofac;

/// <summary>The per-lifetime-scope holder of a scope's session, chained to the enclosing scope's holder.</summary>
internal sealed class HiltSessionAccessor : IHiltSessionAccessor
{
    private readonly HiltSessionAccessor? _parent;
    private readonly object _gate = new();
    private HiltSession? _own;
    private HiltSession? _effective;
    private bool _fixed;

    public HiltSessionAccessor(HiltSessionAccessor? parent, HiltSession? own)
    {
        _parent = parent;
        _own = own;
    }

    public HiltSession? Session
    {
        get
        {
            lock (_gate)
            {
                if (!_fixed)
                {
                    var outer = _parent?.Session;
                    _effective = _own is null ? outer : _own.InheritFrom(outer);
                    _fixed = true;
                }

                return _effective;
            }
        }
    }

    public void Set(HiltSession session)
    {
        Throw.IfNull(session);
        lock (_gate)
        {
            if (_fixed)
            {
                throw new InvalidOperationException(
                    "The Hilt session of this lifetime scope has already been used (an intercepted component or a child scope was resolved). " +
                    "Set it before resolving intercepted components, or begin the scope with WithHiltSession/BeginHiltScope.");
            }

            _own = session;
        }
    }

    /// <summary>Creates the holder for the scope being activated in, chained to its parent scope's holder.</summary>
    internal static HiltSessionAccessor Create(IComponentContext context)
    {
        var scope = context.Resolve<ILifetimeScope>();
        var declared = scope.ResolveOptional<DeclaredHiltSession>();
        HiltSessionAccessor? parent = null;
        if (scope is ISharingLifetimeScope { ParentLifetimeScope: { } parentScope })
        {
            parent = parentScope.ResolveOptional<HiltSessionAccessor>();

            // Registrations flow into child scopes: a declaration the parent also sees was made further up.
            if (declared is not null && ReferenceEquals(declared, parentScope.ResolveOptional<DeclaredHiltSession>()))
            {
                declared = null;
            }
        }

        return new HiltSessionAccessor(parent, declared?.Session);
    }
}
