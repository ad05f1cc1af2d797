using System.Reflection;
using NetArchTest.Rules;

namespace Segmentation.Tests.Architecture;

/// <summary>
/// The walls of the house (../shared/DESIGN.md), read from the compiled IL: the core references no door and no
/// renderer, a stage never uses a later stage, doors reach neither ML.NET nor the file readers, and the core's
/// public surface exposes no third-party type.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(App.SegmentationApp).Assembly;
    private static readonly Assembly Reporting = typeof(Segmentation.Reporting.ReportRenderer).Assembly;
    private static readonly Assembly Cli = typeof(Segmentation.Cli.CliApp).Assembly;
    private static readonly Assembly Web = typeof(Segmentation.Web.SegmentationServer).Assembly;
    private static readonly Assembly Interactive = typeof(Segmentation.Interactive.Frames).Assembly;

    /// <summary>The stages in the order data flows through them; the foundation (root, Formatting, Numerics, IO) serves all.</summary>
    public static readonly string[] Stages =
    [
        "Segmentation.Ingest", "Segmentation.Sample", "Segmentation.Cleaning", "Segmentation.Features", "Segmentation.Engine", "Segmentation.Clustering",
        "Segmentation.Value", "Segmentation.Segments", "Segmentation.Model", "Segmentation.Pipeline", "Segmentation.Refresh", "Segmentation.Output",
        "Segmentation.Report", "Segmentation.History", "Segmentation.App",
    ];

    private static readonly string[] Foundation = ["Segmentation.Formatting", "Segmentation.Numerics", "Segmentation.IO"];

    private static string Failing(TestResult result) => string.Join(", ", (result.FailingTypes ?? []).Select(t => $"{t.FullName} ({t.Explanation})"));

    [Fact]
    public void The_core_references_no_door_no_renderer_and_no_web_framework()
    {
        var result = Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("Segmentation.Reporting", "Segmentation.Cli", "Segmentation.Interactive", "Segmentation.Web", "Microsoft.AspNetCore", "ScottPlot", "Plotly")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    public static TheoryData<string> StageNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in Stages) data.Add(s);
        return data;
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void A_stage_uses_no_later_stage(string stage)
    {
        var later = Stages.SkipWhile(s => s != stage).Skip(1).ToArray();
        if (later.Length == 0) return;

        var result = Types.InAssembly(Core).That().ResideInNamespace(stage).ShouldNot().HaveDependencyOnAny(later).GetResult();

        Assert.True(result.IsSuccessful, $"{stage} uses a later stage: {Failing(result)}");
    }

    [Fact]
    public void The_foundation_uses_no_stage()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace(Foundation[0]).Or().ResideInNamespace(Foundation[1]).Or().ResideInNamespace(Foundation[2])
            .ShouldNot().HaveDependencyOnAny(Stages).GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Every_core_type_is_in_the_foundation_or_a_stage()
    {
        var homeless = Core.GetTypes()
            .Where(t => t.Namespace is { } ns && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft", StringComparison.Ordinal))
            .Where(t => t.Namespace != "Segmentation" && !Stages.Concat(Foundation).Contains(t.Namespace))
            .Select(t => t.FullName).ToList();

        Assert.Empty(homeless);
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("notebooks")]
    [InlineData("reporting")]
    [InlineData("web")]
    public void Doors_and_renderers_reach_neither_ml_net_nor_the_file_readers(string which)
    {
        var assembly = which switch { "cli" => Cli, "notebooks" => Interactive, "web" => Web, _ => Reporting };

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny("Microsoft.ML", "ExcelDataReader", "nietras.SeparatedValues", "DuckDB", "Microsoft.Data.Sqlite").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    /// <summary>
    /// Every static method of the core that a door's code calls, outside the application layer and the foundation.
    /// Records of the stages (options, results) may be built and read by a door; their work may not be called.
    /// </summary>
    internal static List<string> StageCalls(Assembly door)
    {
        var core = Core.GetName().Name;
        string[] allowed = ["Segmentation.App", "Segmentation.Formatting", "Segmentation.IO", "Segmentation"];
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(door.Location);
        var calls = new List<string>();
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    // Instance members read a record; static getters give an option record's defaults: both are data.
                    if (instruction.Operand is not Mono.Cecil.MethodReference target || target.HasThis || target.Name.StartsWith("get_", StringComparison.Ordinal)) continue;
                    if (target.DeclaringType.Scope.Name.Replace(".dll", "", StringComparison.Ordinal) != core) continue;
                    var ns = target.DeclaringType.Namespace.Length > 0 ? target.DeclaringType.Namespace : target.DeclaringType.DeclaringType?.Namespace ?? "";
                    if (allowed.Contains(ns)) continue;
                    calls.Add($"{type.Name}.{method.Name} calls {target.DeclaringType.Name}.{target.Name}");
                }
            }
        }
        return calls.Distinct().ToList();
    }

    [Theory]
    [InlineData("cli")]
    [InlineData("notebooks")]
    [InlineData("reporting")]
    [InlineData("web")]
    public void Doors_call_the_application_layer_not_the_stages(string which)
    {
        var door = which switch { "cli" => Cli, "notebooks" => Interactive, "web" => Web, _ => Reporting };

        Assert.Empty(StageCalls(door));
    }

    [Fact]
    public void The_checks_see_a_dependency_that_exists()
    {
        // The application layer does use the pipeline, and the test project does call stages (its shared RealDataFixture): if these checks came
        // back empty, the rules above would be passing for the wrong reason.
        var result = Types.InAssembly(Core).That().ResideInNamespace("Segmentation.App").ShouldNot().HaveDependencyOnAny("Segmentation.Pipeline").GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains(StageCalls(typeof(ArchitectureTests).Assembly), c => c.Contains("calls SegmentationPipeline.", StringComparison.Ordinal));
    }

    [Fact]
    public void No_public_core_type_exposes_a_third_party_type()
    {
        static bool Foreign(Type t)
        {
            if (t.IsGenericType && t.GetGenericArguments().Any(Foreign)) return true;
            if (t.HasElementType) return Foreign(t.GetElementType()!);
            var name = t.Assembly.GetName().Name ?? "";
            return name != Core.GetName().Name && !name.StartsWith("System", StringComparison.Ordinal) && name != "mscorlib" && name != "netstandard";
        }
        var exposed = new List<string>();
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in Core.GetExportedTypes())
        {
            if (type.BaseType is { } b && Foreign(b)) exposed.Add($"{type.Name} : {b.Name}");
            exposed.AddRange(type.GetInterfaces().Where(Foreign).Select(i => $"{type.Name} : {i.Name}"));
            foreach (var m in type.GetMembers(Public))
            {
                IEnumerable<Type> types = m switch
                {
                    PropertyInfo p => [p.PropertyType],
                    FieldInfo f => [f.FieldType],
                    MethodInfo mi => [mi.ReturnType, .. mi.GetParameters().Select(p => p.ParameterType)],
                    ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                    EventInfo e => [e.EventHandlerType!],
                    _ => [],
                };
                exposed.AddRange(types.Where(Foreign).Select(t => $"{type.Name}.{m.Name}: {t.FullName}"));
            }
        }

        Assert.Empty(exposed);
    }

    [Fact]
    public void The_public_surface_of_the_core_is_the_approved_one()
    {
        var types = Core.GetExportedTypes().Select(t => t.FullName!.Replace('+', '.')).Order(StringComparer.Ordinal).ToList();

        Approvals.Verify("core-public-types", $"{types.Count} public types\n" + string.Join('\n', types) + "\n");
    }
}
