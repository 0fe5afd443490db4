using Xunit.Abstractions;
using Xunit.Sdk;

namespace CallCenter.Tests.EventStore;

/// <summary>
/// A contract test: a [Fact] that is reported as skipped, with the reason, when its test class carries
/// <see cref="RequiresEnvironmentAttribute"/> and that variable is not set (e.g. no EventStoreDB to test against).
/// </summary>
[XunitTestCaseDiscoverer("CallCenter.Tests.EventStore.StoreFactDiscoverer", "CallCenter.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>The class's <see cref="StoreFactAttribute"/> tests run only when <paramref name="variable"/> is set.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable) : Attribute
{
    public string Variable { get; } = variable;
}

public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = options.MethodDisplayOrDefault();
        var displayOptions = options.MethodDisplayOptionsOrDefault();
        var variable = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute))
            .Select(a => a.GetConstructorArguments().Single() as string).FirstOrDefault();
        yield return variable is not null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable))
            ? new SkippedTestCase(diagnostics, display, displayOptions, testMethod, $"{variable} is not set (no server to test against)")
            : new XunitTestCase(diagnostics, display, displayOptions, testMethod);
    }
}

/// <summary>A test case reported as skipped with a reason decided at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase() { }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method, string reason)
        : base(sink, display, displayOptions, method) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue("SkipBecause", _reason);
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("SkipBecause");
        base.Deserialize(data);
    }
}
