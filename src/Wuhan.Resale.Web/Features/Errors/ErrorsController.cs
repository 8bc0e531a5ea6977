using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Wuhan.Resale.Web.Features.Shared;

namespace Wuhan.Resale.Web.Features.Errors;

/// <summary>Friendly pages for failures and status codes; never a stack trace outside Development.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorViewModel(
            "系统暂时无法完成您的请求",
            "您已填写并保存的信息不会丢失。请稍后再试；如果问题持续出现，请联系房管部门。",
            Activity.Current?.Id ?? HttpContext.TraceIdentifier));
    }

    [Route("/status/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        if (HttpContext.Items.ContainsKey(Infrastructure.Hardening.UnreadableRequests.ItemKey))
        {
            return View("Error", new ErrorViewModel(
                "请求格式不正确",
                "提交的内容无法识别（可能含有不允许的字符，或字段过多、过长）。请返回上一页，检查后重新提交。",
                HttpContext.TraceIdentifier));
        }

        var (title, message) = code switch
        {
            StatusCodes.Status404NotFound => ("页面不存在", "您访问的页面不存在或已被移除，请检查地址或返回首页重新办理。"),
            StatusCodes.Status403Forbidden => ("无权访问", "您没有访问此页面的权限。"),
            StatusCodes.Status400BadRequest => ("请求无效", "提交的信息不完整或已过期，请返回上一页刷新后重新提交。"),
            StatusCodes.Status429TooManyRequests => ("操作过于频繁", "请稍等片刻再试。"),
            _ => ("请求未能完成", "请稍后再试。"),
        };
        return View("Error", new ErrorViewModel(title, message, HttpContext.TraceIdentifier));
    }
}
