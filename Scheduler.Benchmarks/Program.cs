using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Scheduler.Benchmarks.Quality;

// quality DIR ...   the quality benchmark over a folder of event files
// generated ...     the same figures for the generated trade fair and conference
// walk FILE...      the idle-gap local search alone, from CP-SAT's first schedule
// dry               every micro benchmark once, in process, so CI notices when one breaks
// serve-load ...    50 concurrent solves through the real HTTP service on loopback
// replan ...        issue 11's three disruptions, replanned and solved afresh, on the sample and the generated conference
// replan-one E P    one replan of files that replan --dump wrote
// mip FILE ...      the weight relaxation as a MIP (SCIP, CBC, HiGHS): how far cuts move the LP bound
// anything else     BenchmarkDotNet's switcher (e.g. --filter '*Validate*')
return args.FirstOrDefault() switch
{
    "quality" => QualityCommand.Quality(args[1..]),
    "generated" => QualityCommand.Generated(args[1..]),
    "dry" => Dry(args[1..]),
    "walk" => WalkCommand.Run(args[1..]),
    "serve-load" => await Scheduler.Benchmarks.Service.ServeLoadCommand.Run(args[1..]),
    "replan" => Scheduler.Benchmarks.Replan.ReplanCommand.Run(args[1..]),
    "replan-one" => Scheduler.Benchmarks.Replan.ReplanProbe.Run(args[1..]),
    "mip" => MipCommand.Run(args[1..]),
    "gap-bound" => GapBoundCommand.Run(args[1..]),
    _ => Switch(args),
};

// The executing assembly rather than typeof(Program): the scheduler CLI that serve-load starts has a Program too.
static int Switch(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

static int Dry(string[] args)
{
    // In process, so the dry pass needs no generated project build; one iteration of each case.
    var config = ManualConfig.CreateMinimumViable()
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
    // The switcher asks on the console when given no filter; the dry pass takes every class unless told otherwise.
    string[] filtered = args.Contains("--filter") ? args : [.. args, "--filter", "*"];
    var summaries = BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(filtered, config);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
