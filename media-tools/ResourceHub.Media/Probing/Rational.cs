using System.Globalization;

namespace ResourceHub.Media.Probing;

/// <summary>ffprobe's "num/den" (or "num:den") values; 0/0 means unknown.</summary>
public readonly record struct Rational(long Numerator, long Denominator)
{
    public bool IsValid => Numerator > 0 && Denominator > 0;

    public double Value => IsValid ? (double)Numerator / Denominator : 0;

    public static Rational Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return default;
        var parts = text.Split('/', ':');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var d))
            return new Rational(n, d);
        return default;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
