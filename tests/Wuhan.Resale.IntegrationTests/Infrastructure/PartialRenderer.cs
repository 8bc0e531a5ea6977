using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>Renders one compiled view of the portal with a model, outside any page: for partials no page uses yet.</summary>
internal static class PartialRenderer
{
    public static async Task<string> RenderAsync<TModel>(PortalFactory factory, string viewPath, TModel model)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var actionContext = new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor());
        var engine = services.GetRequiredService<IRazorViewEngine>();
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: false);
        var view = found.View ?? throw new InvalidOperationException($"No view at {viewPath}: {string.Join(", ", found.SearchedLocations)}");
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(actionContext.HttpContext, services.GetRequiredService<ITempDataProvider>());
        await using var writer = new StringWriter();
        await view.RenderAsync(new ViewContext(actionContext, view, viewData, tempData, writer, new HtmlHelperOptions()));
        return writer.ToString();
    }
}
