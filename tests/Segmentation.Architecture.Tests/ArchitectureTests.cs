using System.Reflection;
using NetArchTest.Rules;

namespace Segmentation.Tests.Architecture;

/// <summary>
/// The walls of the house (README, Architecture), read from the compiled IL: the core references no door and no
/// renderer, a room never uses a later room, each engine and driver is referenced by one room, doors reach neither
/// ML.NET nor the file readers, and the core's public surface exposes no third-party type. Each rule also runs on
/// the violations planted in PlantedViolations.cs, where it must fail.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(App.SegmentationApp).Assembly;
    private static readonly Assembly Reporting = typeof(Segmentation.Reporting.ReportRenderer).Assembly;
    private static readonly Assembly Cli = typeof(Segmentation.Cli.CliApp).Assembly;
    private static readonly Assembly Web = typeof(Segmentation.Web.SegmentationServer).Assembly;
    private static readonly Assembly Interactive = typeof(Segmentation.Interactive.Frames).Assembly;
    private static readonly Assembly Planted = typeof(ArchitectureTests).Assembly;

    /// <summary>
    /// The rooms in the order data flows through them. Lifetime stands before Clustering: it needs only the prepared
    /// purchases, and a customer's segment row carries its value. Audiences read a published run. The application layer comes last.
    /// </summary>
    public static readonly string[] Rooms =
        ["Segmentation.Prepare", "Segmentation.Lifetime", "Segmentation.Clustering", "Segmentation.Runs", "Segmentation.Audiences", "Segmentation.Report", "Segmentation.App"];

    /// <summary>The foundation serves every room and uses none; the root namespace (the typed errors) belongs to it.</summary>
    private static readonly string[] Foundation = ["Segmentation.Formatting", "Segmentation.Numerics", "Segmentation.IO"];

    /// <summary>The third-party engines and drivers, each with the one room allowed to reference it.</summary>
    public static readonly (string Library, string Room)[] Engines =
    [
        ("DuckDB", "Segmentation.Prepare"), ("Npgsql", "Segmentation.Prepare"), ("ClickHouse.Driver", "Segmentation.Prepare"), ("ExcelDataReader", "Segmentation.Prepare"),
        ("Microsoft.ML", "Segmentation.Clustering"), ("Microsoft.Data.Sqlite", "Segmentation.Runs.History"),
    ];

    private static string Failing(TestResult result) => string.Join(", ", (result.FailingTypes ?? []).Select(t => $"{t.FullName} ({t.Explanation})"));

    // Each rule is a function of the assembly it reads, so that it can be run on the core (it must hold) and on the
    // planted violations of this assembly (it must fail): a rule that cannot fail proves nothing.

    internal static TestResult RoomUsesNoLaterRoom(Assembly assembly, string room) =>
        Types.InAssembly(assembly).That().ResideInNamespace(room)
            .ShouldNot().HaveDependencyOnAny(Rooms.SkipWhile(s => s != room).Skip(1).ToArray()).GetResult();

    internal static TestResult FoundationUsesNoRoom(Assembly assembly) =>
        Types.InAssembly(assembly).That().ResideInNamespaceMatching(@"^Segmentation$")
            .Or().ResideInNamespace(Foundation[0]).Or().ResideInNamespace(Foundation[1]).Or().ResideInNamespace(Foundation[2])
            .ShouldNot().HaveDependencyOnAny(Rooms).GetResult();

    internal static TestResult OnlyItsRoomReferences(Assembly assembly, string library, string room) =>
        Types.InAssembly(assembly).That().ResideInNamespaceMatching(@"^Segmentation(\.|$)").And().DoNotResideInNamespace(room)
            .ShouldNot().HaveDependencyOnAny(library).GetResult();

    internal static List<string> Homeless(Assembly assembly) => assembly.GetTypes()
        .Where(t => t.Namespace is { } ns && (ns == "Segmentation" || ns.StartsWith("Segmentation.", StringComparison.Ordinal)) && !ns.StartsWith("Segmentation.Tests", StringComparison.Ordinal))
        .Where(t => t.Namespace != "Segmentation" && !Rooms.Concat(Foundation).Any(r => t.Namespace == r || t.Namespace!.StartsWith(r + ".", StringComparison.Ordinal)))
        .Select(t => t.FullName!).ToList();

    [Fact]
    public void The_core_references_no_door_no_renderer_and_no_web_framework()
    {
        var result = Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("Segmentation.Reporting", "Segmentation.Cli", "Segmentation.Interactive", "Segmentation.Web", "Microsoft.AspNetCore", "ScottPlot", "Plotly")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    /// <summary>Every room but the last (the application layer, which may use all of them).</summary>
    public static TheoryData<string> RoomNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in Rooms.SkipLast(1)) data.Add(s);
        return data;
    }

    [Theory]
    [MemberData(nameof(RoomNames))]
    public void A_room_uses_no_later_room(string room)
    {
        var result = RoomUsesNoLaterRoom(Core, room);

        Assert.True(result.IsSuccessful, $"{room} uses a later room: {Failing(result)}");
        Assert.False(RoomUsesNoLaterRoom(Planted, room).IsSuccessful, $"the rule for {room} did not see the planted violation");
    }

    [Fact]
    public void The_foundation_uses_no_room()
    {
        var result = FoundationUsesNoRoom(Core);

        Assert.True(result.IsSuccessful, Failing(result));
        Assert.False(FoundationUsesNoRoom(Planted).IsSuccessful, "the rule did not see the planted violation");
    }

    public static TheoryData<string, string> EngineRooms()
    {
        var data = new TheoryData<string, string>();
        foreach (var (library, room) in Engines) data.Add(library, room);
        return data;
    }

    [Theory]
    [MemberData(nameof(EngineRooms))]
    public void Each_engine_and_driver_is_referenced_by_its_room_only(string library, string room)
    {
        var result = OnlyItsRoomReferences(Core, library, room);

        Assert.True(result.IsSuccessful, $"{library} outside {room}: {Failing(result)}");
        Assert.False(OnlyItsRoomReferences(Planted, library, room).IsSuccessful, $"the rule for {library} did not see the planted violation");
        // The room itself does reference it: the rule is not passing because nothing does.
        Assert.False(Types.InAssembly(Core).That().ResideInNamespace(room).ShouldNot().HaveDependencyOnAny(library).GetResult().IsSuccessful, $"{room} no longer uses {library}");
    }

    [Fact]
    public void Every_core_type_is_in_the_foundation_or_a_room()
    {
        Assert.Empty(Homeless(Core));
        Assert.NotEmpty(Homeless(Planted));
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
                    // A static factory of a record (TransactionSource.File) builds data, as a constructor would.
                    if (target.ReturnType.FullName == target.DeclaringType.FullName) continue;
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
        // The application layer does use the runs, and the test project does call stages (its shared RealDataFixture): if these checks came
        // back empty, the rules above would be passing for the wrong reason.
        var result = Types.InAssembly(Core).That().ResideInNamespace("Segmentation.App").ShouldNot().HaveDependencyOnAny("Segmentation.Runs").GetResult();

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

    /// <summary>The types of the core whose string constants spell a command-line flag (--k): a door's words in the core.</summary>
    internal static List<string> FlagSpellers(Assembly assembly)
    {
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(assembly.Location);
        var flag = new System.Text.RegularExpressions.Regex(@"(^|[\s(])--[a-z]");
        return module.GetTypes()
            .Where(t => t.Methods.Any(m => m.HasBody && m.Body.Instructions.Any(i => i.Operand is string text && flag.IsMatch(text))))
            .Select(t => (t.DeclaringType ?? t).Name)
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void The_core_spells_no_flag_but_in_the_k_rule_reasoning_the_reports_print()
    {
        // Option messages name other options by OptionException.Ref, which each door renders. The k rule's
        // reasoning still suggests --kmax and --k in words that metrics.json and the reports hold: the one exception.
        Assert.Equal(["KSelection"], FlagSpellers(Core));
        Assert.Contains("SpellsAFlag", FlagSpellers(Planted));
    }
}
