namespace Enact.Web.Hosting;

/// <summary>Security headers, with a Content-Security-Policy that allows no inline script or style.</summary>
public static class SecurityHeaders
{
    public static HeaderPolicyCollection Policy(bool development)
    {
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddPermissionsPolicy(b =>
            {
                b.AddCamera().None();
                b.AddMicrophone().None();
                b.AddGeolocation().None();
            })
            .RemoveServerHeader()
            .AddContentSecurityPolicy(b =>
            {
                b.AddDefaultSrc().Self();
                b.AddScriptSrc().Self();
                b.AddStyleSrc().Self();
                b.AddImgSrc().Self().Data();
                b.AddFontSrc().Self();
                b.AddConnectSrc().Self();
                b.AddFormAction().Self();
                b.AddFrameAncestors().None();
                b.AddBaseUri().Self();
                b.AddObjectSrc().None();
            });
        if (!development)
        {
            policy.AddStrictTransportSecurityMaxAge();
        }
        return policy;
    }
}
