using System.Diagnostics.CodeAnalysis;

// Features/Shared is where Razor looks for the layout, and the namespace follows the folder. "Shared" is a keyword
// only in Visual Basic; this web project has no consumers in other languages.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace",
    Target = "~N:Wuhan.Resale.Web.Features.Shared", Justification = "Razor's folder convention; C# only.")]
