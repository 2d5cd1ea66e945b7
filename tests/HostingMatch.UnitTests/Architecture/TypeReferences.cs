using System.Reflection;
using System.Reflection.Emit;

namespace HostingMatch.UnitTests.Architecture;

/// <summary>
/// Every type a type uses, read from its metadata and the IL of its methods: base type and interfaces, fields,
/// properties, signatures, locals, and each type, method and field its code names (calls, <c>new</c>, casts,
/// <c>typeof</c>). Nested types count as the outer type's own code (lambdas, async state machines, local functions).
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> and its nested types use, generic arguments and element types included.</summary>
    public static IReadOnlySet<Type> Of(Type type)
    {
        var used = new HashSet<Type>();
        foreach (var t in WithNested(type))
        {
            Add(used, t.BaseType);
            foreach (var i in t.GetInterfaces())
            {
                Add(used, i);
            }

            foreach (var field in t.GetFields(Everything))
            {
                Add(used, field.FieldType);
            }

            foreach (var property in t.GetProperties(Everything))
            {
                Add(used, property.PropertyType);
            }

            foreach (var method in t.GetMethods(Everything).Cast<MethodBase>().Concat(t.GetConstructors(Everything)))
            {
                AddSignature(used, method);
                AddBody(used, t, method);
            }
        }

        return used;
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);

    private static void AddSignature(HashSet<Type> used, MethodBase method)
    {
        if (method is MethodInfo info)
        {
            Add(used, info.ReturnType);
        }

        foreach (var parameter in method.GetParameters())
        {
            Add(used, parameter.ParameterType);
        }

        if (method.IsGenericMethod)
        {
            foreach (var argument in method.GetGenericArguments())
            {
                Add(used, argument);
            }
        }
    }

    private static void AddBody(HashSet<Type> used, Type owner, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(used, local.LocalType);
        }

        var typeArguments = owner.IsGenericType ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var token in Tokens(body.GetILAsByteArray()!))
        {
            switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
            {
                case Type t:
                    Add(used, t);
                    break;
                case FieldInfo f:
                    Add(used, f.DeclaringType);
                    Add(used, f.FieldType);
                    break;
                case MethodBase m:
                    Add(used, m.DeclaringType);
                    AddSignature(used, m);
                    break;
            }
        }
    }

    /// <summary>The metadata tokens that the IL names: the operands of <c>call</c>, <c>newobj</c>, <c>ldfld</c>, <c>castclass</c>, <c>ldtoken</c>...</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        var at = 0;
        while (at < il.Length)
        {
            var value = (short)il[at++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at++]));
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, at);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static void Add(HashSet<Type> used, Type? type)
    {
        if (type is null || type.IsGenericParameter || !used.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(used, type.GetElementType());
        }

        if (type.IsConstructedGenericType)
        {
            Add(used, type.GetGenericTypeDefinition());
            foreach (var argument in type.GetGenericArguments())
            {
                Add(used, argument);
            }
        }
    }
}
