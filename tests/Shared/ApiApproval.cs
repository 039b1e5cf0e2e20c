using System.Reflection;
using PublicApiGenerator;

namespace Chorus.Tests.Shared;

/// <summary>
/// Public-API approval: the assembly's public surface, as PublicApiGenerator prints it, must equal the checked-in
/// <c>tests/&lt;Assembly&gt;.Tests/&lt;Assembly&gt;.approved.txt</c>. A difference writes <c>.received.txt</c> and fails;
/// accept a deliberate change by copying the received file over the approved one.
/// </summary>
internal static class ApiApproval
{
    public static void Verify(Assembly assembly)
    {
        var options = new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute", "System.Resources.NeutralResourcesLanguageAttribute"] };
        var api = assembly.GeneratePublicApi(options).Replace("\r\n", "\n", StringComparison.Ordinal);
        var name = assembly.GetName().Name!;
        // Not [CallerFilePath]: CI builds map source paths to /_/ (ContinuousIntegrationBuild).
        var folder = Path.Combine(RepositoryRoot(), "tests", name + ".Tests");
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (api == approved)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, api);
        Assert.Fail($"The public API of {name} changed. If on purpose, copy {receivedPath} over {approvedPath} and commit it.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chorus.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Chorus.sln not found above " + AppContext.BaseDirectory);
    }
}
