namespace ResourceHub.Indexing.Tests.Relevance;

/// <summary>One judged query: what the teacher means (topics and constraints), written by hand in judged-queries.txt.</summary>
public sealed record JudgedQuery(string Text, IReadOnlyList<string> Topics, IReadOnlyDictionary<string, string> Constraints, string Class)
{
    /// <summary>0–3 by meaning (see the file's header); never by comparing the query's words with the document's.</summary>
    public int Judge(ResourceMeaning d)
    {
        var missed = 0;
        var gradeMissedStageKept = false;
        foreach (var (key, value) in Constraints)
        {
            var ok = key switch
            {
                "kind" => d.Kind == value,
                "subject" => d.Subject == value,
                "stage" => d.Stage == value,
                "grade" => d.Grade == value || (d.Grade is null && d.Stage == StageOf(value)),
                _ => throw new InvalidOperationException($"unknown constraint {key}"),
            };
            if (ok)
                continue;
            missed++;
            gradeMissedStageKept |= key == "grade" && d.Stage == StageOf(value);
        }
        if (Topics.Count > 0)
            return !Topics.Contains(d.Topic) ? 0 : missed == 0 ? 3 : missed == 1 ? 2 : 1;
        if (Constraints.Count == 0)
            return 0;
        if (missed == 0)
            return 3;
        var subjectOk = !Constraints.TryGetValue("subject", out var subject) || d.Subject == subject;
        return missed == 1 && gradeMissedStageKept ? 2 : subjectOk && missed == 1 ? 1 : 0;
    }

    private static string StageOf(string grade) => grade[0] switch
    {
        'k' => "preschool",
        'v' => "vocational",
        _ => int.Parse(grade[1..]) switch { <= 6 => "primary", <= 9 => "junior", _ => "senior" },
    };

    public static IReadOnlyList<JudgedQuery> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Relevance", "judged-queries.txt");
        return File.ReadAllLines(path).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(Parse).ToList();
    }

    private static JudgedQuery Parse(string line)
    {
        var p = line.Split('|').Select(x => x.Trim()).ToArray();
        var topics = p[1] == "-" ? [] : p[1].Split(';').ToList();
        var constraints = p[2].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('=')).ToDictionary(c => c[0], c => c[1]);
        return new JudgedQuery(p[0], topics, constraints, p[3]);
    }
}
