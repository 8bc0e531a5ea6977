using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Pages;

/// <summary>Settings meant for tests and demos must never reach production.</summary>
public sealed class StartupSafetyTests
{
    [Fact]
    public void Production_RefusesToStart_WithAFixedCaptchaAnswer()
    {
        using var factory = new PortalFactory(environment: "Production");
        factory.Settings["Captcha:FixedAnswer"] = "TEST";

        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Captcha:FixedAnswer", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_RefusesToStart_WithoutPersonalDataKeys()
    {
        using var factory = new PortalFactory(environment: "Production");
        factory.Settings["PersonalData:EncryptionKey"] = "";
        factory.Settings["PersonalData:HashKey"] = "";

        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("PersonalData:EncryptionKey", ex.ToString(), StringComparison.Ordinal);
    }
}
