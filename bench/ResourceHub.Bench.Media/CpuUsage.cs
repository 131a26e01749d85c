using System.Runtime.InteropServices;

/// <summary>
/// CPU seconds used by this process and by its finished child processes (getrusage, Linux).
/// Wall time on a shared box swings with other people's builds; CPU time barely does, so the
/// bench reports both.
/// </summary>
internal static class CpuUsage
{
    private const int Self = 0;
    private const int Children = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
        public readonly double Total => Seconds + Microseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public TimeVal User;
        public TimeVal System;
        // ru_maxrss … ru_nivcsw: 14 longs not used here.
        public long F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    public static bool Available => OperatingSystem.IsLinux();

    /// <summary>User + system seconds of this process plus all reaped children so far.</summary>
    public static double Now()
    {
        if (!Available)
            return 0;
        return Read(Self) + Read(Children);
    }

    private static double Read(int who) =>
        getrusage(who, out var usage) == 0 ? usage.User.Total + usage.System.Total : 0;
}
