namespace CallCenter.Infrastructure;

/// <summary>Settings read from the environment (the names the start command honours; see README).</summary>
public sealed record AppOptions(
    string Database, int Port, string DemoPassword, string CtiKey, bool Simulator, string? SpaDir, double SimulatorSpeed = 1, int SimulatorCallsPerDay = 3000)
{
    public static AppOptions FromEnvironment(IConfiguration config) => new(
        Database: config["CALLCENTER_DB"]
            ?? throw new InvalidOperationException("CALLCENTER_DB (a PostgreSQL connection string) is not set. `npm start` sets it."),
        Port: int.TryParse(config["CALLCENTER_PORT"], out var port) ? port : 5080,
        DemoPassword: config["CALLCENTER_DEMO_PASSWORD"] is { Length: > 0 } pw ? pw : "demo123",
        CtiKey: config["CALLCENTER_CTI_KEY"] is { Length: > 0 } key ? key : "dev-cti-key",
        Simulator: !string.Equals(config["CALLCENTER_SIMULATOR"], "off", StringComparison.OrdinalIgnoreCase),
        SpaDir: config["CALLCENTER_SPA_DIR"],
        SimulatorSpeed: double.TryParse(config["CALLCENTER_SIMULATOR_SPEED"], System.Globalization.CultureInfo.InvariantCulture, out var speed) && speed is > 0 and <= 1000 ? speed : 1,
        SimulatorCallsPerDay: int.TryParse(config["CALLCENTER_SIMULATOR_CALLS_PER_DAY"], out var perDay) && perDay is > 0 and <= 50_000 ? perDay : 3000);
}
