using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace Enact.Web.Hosting;

/// <summary>Prefixes every page route with the language: "/account/sign-in" is served at "/ar/account/sign-in" and "/en/account/sign-in".</summary>
public sealed class CulturePrefixConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (model.ViewEnginePath.StartsWith("/Errors/", StringComparison.Ordinal))
        {
            return;
        }
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            selector.AttributeRouteModel = new AttributeRouteModel
            {
                Order = selector.AttributeRouteModel?.Order,
                Template = AttributeRouteModel.CombineTemplates("{culture:culture}", template),
            };
        }
    }
}

public sealed class CultureRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        => values.TryGetValue(routeKey, out var value) && Cultures.IsSupported(value as string);
}
