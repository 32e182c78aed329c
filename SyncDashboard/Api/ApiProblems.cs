namespace SyncDashboard.Api;

public static class ApiProblems
{
    /// <summary>A 400 problem-details body whose <c>errors</c> name the offending parameter.</summary>
    public static IResult BadParameter(string parameter, string problem) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [$"'{parameter}' {problem}."] },
            title: $"Invalid parameter '{parameter}'");

    public static IResult BadEnum<T>(string parameter) where T : struct, Enum =>
        BadParameter(parameter, $"must be one of {string.Join(", ", Enum.GetNames<T>())}");
}
