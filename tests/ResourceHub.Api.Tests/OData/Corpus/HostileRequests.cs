using System.Text;

namespace ResourceHub.Api.Tests.OData.Corpus;

/// <summary>One generated request: what is sent, and which class of hostile input it belongs to.</summary>
public sealed record HostileRequest(string Kind, string Method, string Url, byte[]? Body = null, string? ContentType = null,
    IReadOnlyList<(string Name, string Value)>? Headers = null, string Caller = "vendor", bool Chunked = false)
{
    public override string ToString() =>
        $"{Kind} as {Caller}: {Method} {Url} {ContentType} [{string.Join("; ", (Headers ?? []).Select(h => $"{h.Name}: {Trim(h.Value)}"))}] " +
        (Body is null ? "" : Trim(Encoding.UTF8.GetString(Body)));

    private static string Trim(string s) => s.Length > 120 ? s[..120] + $"…({s.Length})" : s;
}

/// <summary>The ids the generator aims at: entities that exist, so requests reach the code behind the route.</summary>
public sealed record HostileTargets(string Draft, string Published, string Submitted, string WithFile, string Rubric, string Quota, string Course);

/// <summary>
/// Generates hostile requests from a fixed seed: OData URL negative cases (bad literals, unbalanced
/// parentheses, unknown functions, huge numbers, odd escapes), JSON bodies (wrong types, invalid UTF-8,
/// lone surrogates, deep nesting, huge numbers, duplicate keys), headers, uploads and $batch bodies.
/// </summary>
public sealed class HostileRequests(int seed, HostileTargets t)
{
    private readonly Random _random = new(seed);

    private T Pick<T>(IReadOnlyList<T> from) => from[_random.Next(from.Count)];

    public IEnumerable<HostileRequest> All() =>
        Urls(800).Concat(Bodies(500)).Concat(HeaderCases(300)).Concat(Uploads(300)).Concat(ResumableUploads(100)).Concat(Batches(250));

    // ---- URLs -------------------------------------------------------------------------------------------

    private static readonly string[] Literals =
    [
        "'a", "'", "''''", "\"a\"", "a", "1e999", "-1e999", "99999999999999999999999", "1.7976931348623157E+309", "0x1F", "1_000",
        "2026-13-45T25:61:00Z", "2026-02-30", "9999-12-31T23:59:59.9999999Z", "0001-01-01", "duration'P1Y'", "duration'PT'",
        "binary'zz'", "geography'POINT(1 2)'", "null", "NaN", "INF", "-INF", "true1", "00000000-0000-0000-0000-00000000000",
        "6d1c9f0e-3b7a-4c55-9a51-zzzzzzzzzzzz", "'\u0000'", "'%00'", "'%ZZ'", "'%C0%AF'", "'%ED%A0%80'", "'\u202E'", "$it", "@p",
        "ResourceHub.Kind'x'", "[1,2]", "{\"a\":1}", "'a''b'''", "-", "+", "--1", "1..2", "1e", "e1", ".5.",
    ];

    private static readonly string[] Properties =
        ["Title", "Kind", "Subject", "Stage", "Tags", "Topics", "CreatedAt", "Version", "Id", "NoSuch", "File/Size", "Title/NoSuch", "", "Tags/any()", "QualityScore"];

    private static readonly string[] Operators =
        ["eq", "ne", "gt", "ge", "lt", "le", "has", "in", "add", "sub", "mul", "div", "divby", "mod", "and", "or", "not", "===", "like", ""];

    private static readonly string[] Functions =
    [
        "contains", "startswith", "endswith", "length", "indexof", "substring", "tolower", "toupper", "trim", "concat", "year",
        "month", "day", "hour", "round", "floor", "ceiling", "cast", "isof", "geo.distance", "matchesPattern", "now", "maxdatetime",
        "foo", "eval", "sleep", "ResourceHub.Nope", "any", "all", "$count",
    ];

    private static readonly string[] Options =
    [
        "$filter", "$orderby", "$top", "$skip", "$select", "$expand", "$count", "$search", "$apply", "$skiptoken", "$format",
        "$compute", "$index", "$schemaversion", "$levels", "$id", "$deltatoken", "$foo", "filter", "top", "facets", "facet.Subject",
        "$Filter", "$TOP", "$", "&", "=",
    ];

    private static readonly string[] Paths =
    [
        "Resources", "Resources/$count", "Courses", "Organizations", "Reviews", "History", "Nominations", "Rubrics", "Quotas",
        "Resources({draft})", "Resources({published})/Reviews", "Resources({published})/History", "Resources({published})/Stats",
        "Resources/ReviewQueue()", "Resources/ResourceHub.ReviewQueue()", "Rubrics({rubric})/Criteria", "Courses({course})/Items",
        "Resources(", "Resources()", "Resources('x')", "Resources(1)", "Resources(-1)", "Resources(99999999999999999999)",
        "Resources({draft})/NoSuch", "Resources({draft})/$value/$value", "Resources/$count/$count", "Resources/$ref", "$metadata/x",
        "$batch/x", "Resources(Id={draft})", "Resources(Id={draft},X=1)", "Resources({draft})/ResourceHub.NoSuch", "%24metadata",
        "Resources%28{draft}%29", "Resources/%2e%2e/$metadata", "Resources/../../etc/passwd", "Resources//", "Resources/ResourceHub.Review",
        "Resources({draft})/Revision/$value", "Resources({draft})/Renditions", "Resources({draft})/Jobs", "Resources/$filter(Title eq 'a')",
        "Resources/$each", "Resources/$all", "$entity", "$crossjoin(Resources,Courses)", "Resources/$query",
    ];

    private static readonly string[] Escapes = ["%", "%2", "%zz", "%00", "%C3%28", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%FF", "%E2%80%AE", "%25", "+", "%2B", "%0A", "%0D%0A"];

    private string Literal() => Pick(Literals);

    private string Expression(int depth)
    {
        if (depth > 3 || _random.Next(4) == 0)
            return _random.Next(3) == 0 ? Literal() : Pick(Properties);
        return _random.Next(6) switch
        {
            0 => $"{Pick(Properties)} {Pick(Operators)} {Literal()}",
            1 => $"{Pick(Functions)}({Expression(depth + 1)},{Literal()})",
            2 => $"({Expression(depth + 1)} {Pick(Operators)} {Expression(depth + 1)}",
            3 => $"{Expression(depth + 1)})) {Pick(Operators)} (",
            4 => $"not {Pick(Functions)}({Expression(depth + 1)}",
            _ => $"{Pick(Properties)}/{Pick(["any", "all", "NoSuch", "$count"])}(x:x {Pick(Operators)} {Literal()})",
        };
    }

    private string OptionValue(string option) => option.TrimStart('$').ToLowerInvariant() switch
    {
        "filter" => Expression(0),
        "orderby" => $"{Pick(Properties)} {Pick(["asc", "desc", "asc desc", "", "sideways"])},{Pick(Properties)}",
        "top" or "skip" or "levels" or "index" => Pick(["-1", "0", "1e3", "99999999999999999999", "2147483648", "", "abc", "1.5", "0x10", " 1"]),
        "select" => string.Join(',', Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Pick(Properties.Append("*").Append("ResourceHub.*").ToArray()))),
        "expand" => Pick(["Reviews", "Reviews($expand=Reviews)", "Items($levels=max)", "*", "NoSuch", "Reviews($filter=", "Reviews($top=-1)", "History($select=NoSuch)"]),
        "count" => Pick(["true", "false", "maybe", "", "1"]),
        "search" => Pick(["", "\"", "AND", "NOT", "(", "a OR", "《故乡》教学设计", "%", "*", "\u0000", new string('x', 5000), "a AND (b OR", "\"unterminated"]),
        "apply" => Pick(["groupby((NoSuch))", "groupby((Subject),aggregate($count as Count))", "groupby(", "aggregate(Size with sum as S)", "filter(Title eq 'a')", "groupby((Subject),aggregate($count as 1x))", "compute(1 as x)", "groupby(()))"]),
        "skiptoken" => Pick(["bnVsbA", "W10", "e30", "WyJ4Il0", "!!!", "", "AAAA", "W251bGwsbnVsbF0", "WzFlOTk5XQ", "WyJcdWQ4MDAiXQ", new string('A', 4000)]),
        "format" => Pick(["json", "xml", "atom", "application/json;odata.metadata=bogus", "", "text/html"]),
        _ => Pick(Literals),
    };

    private string Encode(string value) => _random.Next(5) switch
    {
        0 => value, // sent as is: HttpClient escapes what it must
        1 => Uri.EscapeDataString(value),
        2 => value + Pick(Escapes),
        3 => Pick(Escapes) + Uri.EscapeDataString(value),
        _ => Uri.EscapeDataString(value).Replace("%20", "+"),
    };

    private string Path() => Pick(Paths).Replace("{draft}", t.Draft).Replace("{published}", t.Published)
        .Replace("{rubric}", t.Rubric).Replace("{course}", t.Course);

    public IEnumerable<HostileRequest> Urls(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var options = Enumerable.Range(0, _random.Next(1, 4)).Select(_ =>
            {
                var option = Pick(Options);
                return $"{option}={Encode(OptionValue(option))}";
            });
            var path = i % 4 == 0 ? Path() : "Resources";
            var method = i % 17 == 0 ? Pick(["HEAD", "DELETE", "OPTIONS", "TRACE", "PATCH"]) : "GET";
            yield return new HostileRequest("url", method, $"/odata/{path}?{string.Join('&', options)}");
        }
    }

    // ---- JSON bodies ------------------------------------------------------------------------------------

    private static readonly string[] JsonValues =
    [
        "\"\\ud800\"", "\"\\udfff\"", "\"a\\ud83d\"", "\"\\u0000\"", "\"\\u202e\"", "1e400", "-1e400", "3000000000", "-3000000000",
        "123456789012345678901234567890", "1e-400", "-0", "0.1e1", "true", "false", "null", "[]", "{}", "[null]", "[1,\"a\",{}]",
        "\"\"", "\"   \"", "\"x\"", "\"math\"", "\"2026-13-45\"", "{\"$ref\":\"x\"}", "[\"\\ud800\"]", "9007199254740993", "NaN",
    ];

    private static readonly string[] EntityFields =
    [
        "Kind", "Title", "Subject", "Stage", "Topics", "Tags", "Description", "Grade", "OwnerOrg", "Id", "Version", "@odata.type",
        "TrainingProject", "Workshop", "NoSuch", "title", "TITLE",
    ];

    private static readonly string[] ParameterFields = ["level", "reason", "stars", "scores", "verdict", "comment", "Criterion", "Points"];

    private static readonly string[] RubricFields = ["Name", "Kinds", "RequiredReviews", "PassMean", "DivergenceGap", "BlindReview", "Criteria"];

    private static readonly string[] QuotaFields = ["Level", "RegionCode", "Subject", "Year", "MaxCount"];

    private static readonly string[] CourseFields = ["Title", "Description", "Kind", "CreditHours", "Subject", "Stage", "Items"];

    /// <summary>Each body goes where a caller allowed to send it would send it, so the body is actually read.</summary>
    private (string Method, string Url, string[] Fields, string Caller) BodyTarget() => _random.Next(11) switch
    {
        0 => ("POST", "/odata/Resources", EntityFields, "vendor"),
        1 => ("PATCH", $"/odata/Resources({t.Draft})", EntityFields, "vendor"),
        2 => ("POST", "/odata/Courses", CourseFields, "vendor"),
        3 => ("POST", "/odata/Rubrics", RubricFields, "admin"),
        4 => ("PATCH", $"/odata/Rubrics({t.Rubric})", RubricFields, "admin"),
        5 => ("POST", "/odata/Quotas", QuotaFields, "admin"),
        6 => ("PATCH", $"/odata/Quotas({t.Quota})", QuotaFields, "admin"),
        7 => ("POST", $"/odata/Resources({t.Published})/Nominate", ParameterFields, "host"),
        8 => ("POST", $"/odata/Resources({t.Submitted})/ResourceHub.Review", ParameterFields, "expert"),
        9 => ("POST", $"/odata/Resources({t.Published})/Rate", ParameterFields, "teacher"),
        _ => ("POST", $"/odata/Resources({t.Published})/Recommend", ParameterFields, "admin"),
    };

    private string JsonValue(int depth)
    {
        if (depth > 2 || _random.Next(3) > 0)
            return Pick(JsonValues);
        return _random.Next(2) == 0
            ? "[" + string.Join(',', Enumerable.Range(0, _random.Next(4)).Select(_ => JsonValue(depth + 1))) + "]"
            : "{" + string.Join(',', Enumerable.Range(0, _random.Next(4)).Select(_ => $"\"{Pick(ParameterFields.Concat(CourseFields).ToArray())}\":{JsonValue(depth + 1)}")) + "}";
    }

    private byte[] Body(string[] fields)
    {
        var text = _random.Next(12) switch
        {
            0 => new string('[', _random.Next(20, 3000)) + new string(']', _random.Next(0, 3000)),
            1 => "{\"Title\":" + new string('{', 200) + "}",
            2 => Pick(["", "null", "[]", "\"x\"", "1", "{", "}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "\uFEFF{}", "{}garbage"]),
            3 => "{" + string.Join(',', Enumerable.Repeat($"\"{Pick(fields)}\":{Pick(JsonValues)}", _random.Next(2, 6))) + "}", // duplicate keys
            4 => $"{{\"{Pick(fields)}\":\"{new string('长', _random.Next(1000, 300_000))}\"}}",
            5 => "{\"\\ud800\":1}",
            _ => "{" + string.Join(',', Enumerable.Range(0, _random.Next(1, 6)).Select(_ => $"\"{Pick(fields)}\":{JsonValue(0)}")) + "}",
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        if (_random.Next(8) == 0 && bytes.Length > 2)
            bytes[_random.Next(bytes.Length)] = Pick(new byte[] { 0xC3, 0xFF, 0xED, 0x80, 0xF4, 0x00 }); // invalid UTF-8 somewhere
        return bytes;
    }

    public IEnumerable<HostileRequest> Bodies(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (method, url, fields, caller) = BodyTarget();
            yield return new HostileRequest("json", method, url, Body(fields), "application/json", Caller: caller, Chunked: i % 5 == 0);
        }
    }

    // ---- headers ----------------------------------------------------------------------------------------

    private static readonly string[] ContentTypes =
    [
        "garbage", "application/json; charset=latin1", "application/json;;", "application/json; odata.metadata=bogus", "text/plain",
        "multipart/form-data; boundary=", "application/x-www-form-urlencoded", "application/JSON", "*/*", "", ";", "application/",
        "application/json; charset=\"", "application/json\u0000",
    ];

    private string HugeValue() => new(Pick(['a', '"', ',', ';', '=']), _random.Next(1000, 12_000));

    public IEnumerable<HostileRequest> HeaderCases(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (name, value) = _random.Next(9) switch
            {
                0 => ("If-Match", Pick(["garbage", "W/", "W/\"", "\"", "*,*", "W/\"-1\"", "W/\"99999999999999999999\"", "\"\\ud800\"", HugeValue()])),
                1 => ("If-None-Match", Pick(["garbage", "W/\"1\", garbage", "*", HugeValue()])),
                2 => ("Prefer", Pick(["odata.maxpagesize=-1", "odata.maxpagesize=99999999999", "odata.maxpagesize=", "return=banana", "odata.include-annotations=\"*", "respond-async, wait=-1", ",,,", HugeValue()])),
                3 => ("Accept", Pick(["garbage", "application/json;odata.metadata=bogus", "application/json;q=abc", "*/*;q=2", "text/html", HugeValue()])),
                4 => ("OData-MaxVersion", Pick(["3.0", "abc", "4.01", "99999999999999999999", "-4", HugeValue()])),
                5 => ("OData-Version", Pick(["3.0", "abc", "5.0"])),
                6 => ("Authorization", Pick(["Bearer", "Bearer ", "Basic YTpi", "Bearer a.b.c", "Bearer " + HugeValue(), "bearer x", "Negotiate abc"])),
                7 => ("Range", Pick(["bytes=9-1", "bytes=-0", "bytes=a-b", "bytes=0-0,0-0,0-0,0-0", "bytes=99999999999999999999-", "items=0-1", "bytes=" + string.Join(',', Enumerable.Repeat("0-1", 500))])),
                _ => ("X-HTTP-Method-Override", Pick(["DELETE", "PUT", "garbage"])),
            };
            var url = Pick([$"/odata/Resources({t.Draft})", "/odata/Resources?$top=2", $"/odata/Resources({t.WithFile})/$value", "/odata/$metadata"]);
            var write = _random.Next(3) == 0;
            yield return write
                ? new HostileRequest("header", "PATCH", $"/odata/Resources({t.Draft})", "{\"Description\":\"x\"}"u8.ToArray(), Pick(ContentTypes.Append("application/json").ToArray()), [(name, value)])
                : new HostileRequest("header", "GET", url, Headers: [(name, value)], Caller: name == "Authorization" ? "anonymous" : "vendor");
        }
    }

    // ---- uploads ----------------------------------------------------------------------------------------

    private static readonly string[] UploadTypes =
    [
        // Well-formed, active types included (served as octet-stream, see ResourceFileTests).
        "video/mp4", "image/svg+xml", "text/html", "application/javascript", "application/pdf", "application/json",
        "text/plain", "application/octet-stream", "application/zip", "image/png", "video/mp4; codecs=\"avc1\"", "TEXT/HTML",
        "image/svg+xml; charset=utf-8", "", // none: stored as application/octet-stream
        "application/pdf; name=\"\u202Egpj.exe\"", // parameters other than charset are dropped
    ];

    /// <summary>Malformed (issue 11, item 17): each is the client's mistake, a 4xx (kind "upload-malformed" asserts it).</summary>
    private static readonly string[] MalformedUploadTypes =
    [
        "garbage", ";", "video/", "/mp4", "video/mp4;", "video/mp4;;", "video/mp4; codecs=\"", "video/mp4; =x", "*/*", "text/*",
        "application/pdf, text/html", "multipart/form-data; boundary=", "video/mp4\u0000", "video/mp4; charset=\u00e9", "视频/mp4",
new string('a', 250) + "/x", "video/" + new string('x', 300), "video/mp4 video/webm",
        "video\\mp4", "application/pdf; " + new string('p', 5000) + "=1",
    ];

    public IEnumerable<HostileRequest> Uploads(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var malformed = _random.Next(2) == 0;
            var type = Pick(malformed ? MalformedUploadTypes : UploadTypes);
            var headers = new List<(string, string)>();
            if (_random.Next(2) == 0)
                headers.Add(("Content-Disposition", Pick(["attachment; filename*=UTF-8''%ZZ", "attachment; filename=\"\u202Egpj.exe\"", "attachment; filename=", "inline", "garbage;;;", "attachment; filename*=UTF-8''" + new string('a', 5000)])));
            if (_random.Next(3) == 0)
                headers.Add(("Content-Range", Pick(["bytes 0-1/2", "bytes */*", "garbage", "bytes 5-1/3"])));
            if (_random.Next(3) == 0)
                headers.Add(("If-Match", Pick(["W/\"0\"", "garbage", "*"])));
            var body = Pick(new[] { Array.Empty<byte>(), "%PDF-1.4\n"u8.ToArray(), "<svg><script>alert(1)</script></svg>"u8.ToArray(), "PK\u0003\u0004"u8.ToArray(), new byte[_random.Next(1, 5000)] });
            var target = Pick([t.Draft, t.Published, Guid.NewGuid().ToString()]);
            yield return new HostileRequest(malformed ? "upload-malformed" : "upload", "PUT", $"/odata/Resources({target})/$value", body, type,
                headers, Chunked: i % 4 == 0);
        }
    }

    private static string B64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>tus (/uploads): a creation with a malformed length or metadata (the file's type above all), a part with a bad type.</summary>
    public IEnumerable<HostileRequest> ResumableUploads(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_random.Next(4) == 0)
            {
                var part = Pick(["application/offset+octet-stream", "garbage", "", "application/offset+octet-stream;;", "video/mp4"]);
                yield return new HostileRequest("tus", "PATCH", $"/uploads/{Guid.NewGuid():N}", new byte[_random.Next(1, 2000)], part,
                    [("Tus-Resumable", "1.0.0"), ("Upload-Offset", Pick(["0", "-1", "x", "99999999999999999999"]))]);
                continue;
            }
            var resource = Pick([t.Draft, t.Published, Guid.NewGuid().ToString(), "x"]);
            var metadata = Pick([
                $"resource {B64(resource)},filename {B64("圆的面积.pdf")},filetype {B64(Pick(MalformedUploadTypes))}",
                $"resource {B64(resource)},filetype {B64(Pick(UploadTypes))}",
                $"resource {B64(resource)},filetype !!notbase64!!", "resource", ",,,", $"filetype {B64(Pick(UploadTypes))}", "",
            ]);
            yield return new HostileRequest("tus", "POST", "/uploads", null, null,
                [("Tus-Resumable", "1.0.0"), ("Upload-Length", Pick(["100", "0", "-1", "abc", "99999999999999999999", ""])), ("Upload-Metadata", metadata)]);
        }
    }

    // ---- $batch -----------------------------------------------------------------------------------------

    private static readonly string[] BatchUrls =
    [
        "$batch", "./$batch", "%24batch", "Resources/../$batch", "/odata/$batch", "http://localhost/odata/$batch", "Resources?$top=1",
        "Resources({draft})", "../other", "http://[", "%", "", "/", "Resources(", "Resources?$filter=(", "ftp://x/odata/Resources",
        "//evil.example/odata/Resources", "Resources/$count", "$metadata", "Resources%2F..%2F$batch", "\\\\odata\\$batch",
    ];

    private string BatchPart(int index)
    {
        var url = Pick(BatchUrls).Replace("{draft}", t.Draft);
        var method = Pick(["GET", "GET", "POST", "PATCH", "DELETE", "TRACE", "BREW", "", "get"]);
        var parts = new List<string>
        {
            _random.Next(10) == 0 ? $"\"id\":{Pick(JsonValues)}" : $"\"id\":\"r{(_random.Next(6) == 0 ? 0 : index)}\"",
            $"\"method\":\"{method}\"",
            _random.Next(12) == 0 ? $"\"url\":{Pick(JsonValues)}" : $"\"url\":\"{url.Replace("\\", "\\\\")}\"",
        };
        if (_random.Next(3) == 0)
            parts.Add($"\"headers\":{{\"Content-Type\":\"{Pick(ContentTypes)}\",\"If-Match\":{Pick(JsonValues)}}}");
        if (_random.Next(3) == 0)
            parts.Add($"\"body\":{JsonValue(0)}");
        if (_random.Next(5) == 0)
            parts.Add($"\"dependsOn\":{Pick(["[\"r0\"]", "[\"nope\"]", "\"r0\"", "[1]", "[null]"])}");
        if (_random.Next(5) == 0)
            parts.Add($"\"atomicityGroup\":{Pick(["\"g\"", "\"g2\"", "1", "null", "\"\\ud800\""])}");
        return "{" + string.Join(',', parts) + "}";
    }

    public IEnumerable<HostileRequest> Batches(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var text = _random.Next(8) switch
            {
                0 => Pick(["", "{}", "[]", "{\"requests\":{}}", "{\"requests\":null}", "{\"requests\":[1,2]}", "{\"requests\":\"x\"}", "{\"requests\":[{}]}"]),
                1 => "{\"requests\":[" + string.Join(',', Enumerable.Range(0, 101).Select(BatchPart)) + "]}",
                _ => "{\"requests\":[" + string.Join(',', Enumerable.Range(0, _random.Next(1, 8)).Select(BatchPart)) + "]}",
            };
            var bytes = Encoding.UTF8.GetBytes(text);
            if (_random.Next(10) == 0 && bytes.Length > 2)
                bytes[_random.Next(bytes.Length)] = 0xFF;
            yield return new HostileRequest("batch", "POST", "/odata/$batch", bytes, Pick(["application/json", "application/json", "multipart/mixed; boundary=x", "garbage"]), Chunked: i % 6 == 0);
        }
    }
}
