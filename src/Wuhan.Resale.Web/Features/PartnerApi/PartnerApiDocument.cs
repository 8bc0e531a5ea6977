using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wuhan.Resale.Web.Features.PartnerApi;

/// <summary>
/// Completes the partner API's OpenAPI document so a partner's developers can generate a client from it: the X-Api-Key
/// scheme on every operation, every error answer with its body and an example (401, 403, 404, 409, 422, 429), and the
/// Idempotency-Key header of a bank's POSTs with the header that marks a replayed answer.
/// </summary>
internal static class PartnerApiDocument
{
    public const string SecuritySchemeName = "ApiKey";
    private const string ErrorSchema = "PartnerError";
    private const string AuthErrorSchema = "PartnerAuthError";
    private const string RateLimitedSchema = "PartnerRateLimited";
    private const string Json = "application/json";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "武汉存量房网签 合作部门接口";
        document.Info.Description =
            "不动产登记、税务、公积金部门读取已网签合同；登记部门报告已受理转移登记和已备案；银行办理资金监管和带押过户抵押权人同意。"
            + "每个请求在请求头 X-Api-Key 中携带本部门的 API 密钥。银行的每个 POST 请求须带 Idempotency-Key：重试时使用同一个键和相同内容，"
            + "返回首次的结果且不重复办理（响应头 Idempotent-Replayed: true）；同一个键用于不同内容时返回 422。";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PartnerApiKeyHandler.HeaderName,
            Description = "本部门的 API 密钥，按发放时的原样发送（区分大小写）。",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ErrorSchema, ObjectSchema(
            "An error the portal explains: a Chinese sentence for people, and the contract's or listing's state when it matters.",
            ("error", Text("What went wrong, in Chinese, for the partner's staff."), true),
            ("status", NullableText("The state behind a refusal (e.g. Revoked) or the error's kind (IdempotencyKeyReused, IdempotencyKeyMissing)."), false)));
        document.Components.Schemas.TryAdd(AuthErrorSchema, ObjectSchema(
            "A missing, unknown or not-permitted API key.",
            ("status", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }, true),
            ("error", Text("What went wrong, in Chinese."), true)));
        document.Components.Schemas.TryAdd(RateLimitedSchema, ObjectSchema(
            "Too many calls with this key in the current minute (problem details).",
            ("type", Text("about:blank"), true), ("title", Text("请求过于频繁"), true),
            ("status", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }, true), ("detail", Text("When to try again."), true)));

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/partner", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var (method, operation) in item.Operations)
            {
                DescribeOperation(document, path, method, operation);
            }
        }
    }

    private static void DescribeOperation(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        var isBank = path.StartsWith("/api/partner/bank", StringComparison.Ordinal);
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] });
        operation.Responses ??= [];
        operation.Responses["401"] = Response(document, AuthErrorSchema, "缺少 X-Api-Key，或密钥无效。",
            new JsonObject { ["status"] = 401, ["error"] = "缺少或无效的 API 密钥（请求头 X-Api-Key）。" });
        operation.Responses["403"] = Response(document, AuthErrorSchema, "本部门无权调用该接口（如税务部门调用银行接口，或银行读取合同）。",
            new JsonObject { ["status"] = 403, ["error"] = "该部门的 API 密钥无权执行此操作。" });
        var tooMany = Response(document, RateLimitedSchema, "本密钥本分钟内调用过多；按 Retry-After 秒数后重试。",
            new JsonObject { ["type"] = "about:blank", ["title"] = "请求过于频繁", ["status"] = 429, ["detail"] = "请30秒后再试。" }, "application/problem+json");
        tooMany.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader { Description = "等待的秒数。", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
        };
        operation.Responses["429"] = tooMany;
        Example(document, operation, "404", "未找到该合同编号对应的网签合同。", null);
        Example(document, operation, "409", isBank ? "该合同已撤销，不能再存入监管资金。" : "该合同已撤销，不能备案。", "Revoked");

        if (!isBank || method != HttpMethod.Post)
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = PartnerIdempotency.HeaderName,
            In = ParameterLocation.Header,
            Required = true,
            Description = "每个业务请求一个唯一的键（如 UUID，1至100位可见 ASCII 字符）。重试时使用同一个键和相同内容：返回首次的结果，不重复办理。",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Data.IdempotencyRecord.MaxKeyLength },
            Example = JsonValue.Create("3f6c2a1e-7b7d-4f0e-9c55-2f1d8e4b9a10"),
        });
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('2')))
        {
            if (response is OpenApiResponse ok)
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers[PartnerIdempotency.ReplayedHeader] = new OpenApiHeader
                {
                    Description = "true：这是同一 Idempotency-Key 首次请求的结果的重放，本次未做任何更改。",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        operation.Responses["400"] = Response(document, ErrorSchema, "缺少或无效的 Idempotency-Key 请求头，或请求体无法读取。",
            new JsonObject { ["error"] = "请在请求头 Idempotency-Key 中为每个业务请求提供唯一的幂等键。", ["status"] = "IdempotencyKeyMissing" });
        operation.Responses["422"] = Response(document, ErrorSchema, "请求内容不符合规则（如金额不为正数），或同一 Idempotency-Key 已用于不同内容的请求。",
            new JsonObject { ["error"] = "幂等键 3f6c2a1e 已用于另一个不同内容的请求。", ["status"] = "IdempotencyKeyReused" });
    }

    /// <summary>Adds the example to a response the controller already declared with its schema.</summary>
    private static void Example(OpenApiDocument document, OpenApiOperation operation, string status, string error, string? state)
    {
        if (operation.Responses!.TryGetValue(status, out var declared) && declared is OpenApiResponse response)
        {
            var example = new JsonObject { ["error"] = error, ["status"] = state };
            operation.Responses[status] = Response(document, ErrorSchema, string.IsNullOrEmpty(response.Description) ? error : response.Description, example);
        }
    }

    private static OpenApiResponse Response(OpenApiDocument document, string schema, string description, JsonNode example, string contentType = Json) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [contentType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document), Example = example },
        },
    };

    private static OpenApiSchema ObjectSchema(string description, params (string Name, IOpenApiSchema Schema, bool Required)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        Required = properties.Where(p => p.Required).Select(p => p.Name).ToHashSet(),
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema NullableText(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
}
