using System.Globalization;
using Enact.Core.Files;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Enact.Web.Hosting;

/// <summary>
/// For a page whose form carries files. Kestrel refuses a body over its size limit by throwing
/// <see cref="BadHttpRequestException"/> (413) when the body is read, which is during antiforgery validation (the first
/// to read the form); the answer then goes out while the browser is still sending the file, and the connection is closed
/// under it, so the person gets a broken connection or a bare error page instead of their form.
/// <para>
/// This filter reads a multipart form itself, before antiforgery. Each file is kept up to <see cref="FileLimit"/> bytes;
/// past that its bytes are read and dropped, and the page binds a <see cref="DroppedFormFile"/> that has the file's real
/// length and no content, so the page answers as for any file over the limit: its form again, with what the person
/// typed and the localized "larger than 20 MB" message, nothing stored. A body longer than <see cref="ReadLimit"/> is not
/// read: the person is sent back to the form (GET, <c>?upload=too-large</c>), where the message is shown on
/// <see cref="Field"/>.
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UploadFormAttribute(string fieldKey) : Attribute, IAsyncAuthorizationFilter, IPageFilter, IOrderedFilter
{
    /// <summary>The largest file kept (the portal stores files of at most 20 MB).</summary>
    public const long FileLimit = StoredFile.MaxLength;

    /// <summary>A multipart body up to this size is read (bigger files dropped on the way), so the person gets their form back.</summary>
    public const long ReadLimit = 128L * 1024 * 1024;

    /// <summary>Limit of the other (URL-encoded) posts of the page: the size of a file and its form.</summary>
    public const long FormLimit = StoredFile.MaxLength + (4 * 1024 * 1024);

    private const string QueryKey = "upload";
    private const string TooLarge = "too-large";

    /// <summary>The model-state key of the file field that shows the message when the body was too large to read.</summary>
    public string Field => fieldKey;

    /// <summary>Before antiforgery validation (order 1000), which would otherwise read the form first.</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return;
        }
        // The in-memory test server has no such feature; Kestrel has, writable until the body is first read.
        var size = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var boundary = Boundary(request.ContentType);
        if (boundary is null)
        {
            if (size is { IsReadOnly: false })
            {
                size.MaxRequestBodySize = FormLimit;
            }
            return;
        }
        if (request.ContentLength > ReadLimit)
        {
            context.Result = BackToForm(request);
            return;
        }
        if (size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = ReadLimit;
        }
        try
        {
            var options = http.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
            var form = await ReadAsync(request.Body, boundary, options, http.RequestAborted);
            http.Features.Set<IFormFeature>(new FormFeature(form));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body without a length (chunked) that went past the limit: Kestrel stopped reading it.
            context.Result = BackToForm(request);
        }
        catch (InvalidDataException)
        {
            context.Result = new BadRequestResult();
        }
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) && string.Equals(request.Query[QueryKey], TooLarge, StringComparison.Ordinal))
        {
            var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<UploadText>>();
            context.ModelState.AddModelError(fieldKey, text["RequestTooLarge", Megabytes(ReadLimit), Megabytes(FileLimit)]);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);

    private static RedirectResult BackToForm(HttpRequest request)
        => new($"{request.PathBase}{request.Path}?{QueryKey}={TooLarge}");

    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary);
        return Microsoft.Extensions.Primitives.StringSegment.IsNullOrEmpty(boundary) ? null : boundary.ToString();
    }

    /// <summary>Reads a multipart form as <see cref="FormFeature"/> would, except that a file past <see cref="FileLimit"/> is dropped.</summary>
    public static async Task<FormCollection> ReadAsync(Stream body, string boundary, FormOptions options, CancellationToken ct)
    {
        var reader = new MultipartReader(boundary, body)
        {
            HeadersCountLimit = options.MultipartHeadersCountLimit,
            HeadersLengthLimit = options.MultipartHeadersLengthLimit,
        };
        var fields = new KeyValueAccumulator();
        var files = new FormFileCollection();
        var buffer = new byte[81920];
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                throw new InvalidDataException("A form section has no Content-Disposition header.");
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                var kept = new MemoryStream();
                long length = 0;
                int read;
                while ((read = await section.Body.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length <= FileLimit)
                    {
                        kept.Write(buffer, 0, read);
                    }
                    else if (kept.Length > 0)
                    {
                        kept.SetLength(0);
                        kept.Capacity = 0;
                    }
                }
                var headers = new HeaderDictionary(section.Headers);
                kept.Position = 0;
                files.Add(length <= FileLimit
                    ? new FormFile(kept, 0, length, name, fileName) { Headers = headers }
                    : new DroppedFormFile(name, fileName, length, headers));
            }
            else if (disposition.IsFormDisposition())
            {
                fields.Append(name, await ReadValueAsync(section.Body, options.ValueLengthLimit, buffer, ct));
            }
            if (fields.ValueCount + files.Count > options.ValueCountLimit)
            {
                throw new InvalidDataException($"The form has more than {options.ValueCountLimit} values.");
            }
        }
        return new FormCollection(fields.GetResults(), files);
    }

    private static async Task<string> ReadValueAsync(Stream section, int limit, byte[] buffer, CancellationToken ct)
    {
        using var value = new MemoryStream();
        int read;
        while ((read = await section.ReadAsync(buffer, ct)) > 0)
        {
            if (value.Length + read > limit)
            {
                throw new InvalidDataException($"A form value is longer than {limit} bytes.");
            }
            value.Write(buffer, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(value.GetBuffer(), 0, (int)value.Length);
    }
}

/// <summary>A file past <see cref="UploadFormAttribute.FileLimit"/>: read and dropped, so it has a name and a length but no content.</summary>
public sealed class DroppedFormFile(string name, string fileName, long length, IHeaderDictionary headers) : IFormFile
{
    public string ContentType => Headers.ContentType.ToString();
    public string ContentDisposition => Headers.ContentDisposition.ToString();
    public IHeaderDictionary Headers => headers;
    public long Length => length;
    public string Name => name;
    public string FileName => fileName;

    public Stream OpenReadStream() => throw Dropped();
    public void CopyTo(Stream target) => throw Dropped();
    public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => throw Dropped();

    private InvalidOperationException Dropped() => new($"The content of {FileName} ({Length} bytes) was not kept: it is over the {UploadFormAttribute.FileLimit} bytes limit.");
}
