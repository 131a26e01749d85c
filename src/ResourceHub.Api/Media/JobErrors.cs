using ResourceHub.Media.Pipeline;

namespace ResourceHub.Api.Media;

/// <summary>The stored job error: Chinese first (teachers read it), English in brackets for operators.</summary>
public static class JobErrors
{
    public const string WorkerLost = "处理程序多次意外中断，已停止重试 (the worker stopped repeatedly while processing this file)";
    public const string WaitingForRetry = "处理中断，等待重试 (the worker stopped; the job waits for a retry)";
    public const string ToolMissing = "服务器未安装 ffmpeg，视频将在安装后自动处理 (ffmpeg is not installed; the job waits until it is)";
    public const string Unconvertible = "无法转换该文档：文件已损坏或受密码保护";
    public const string OriginalMissing = "原始文件暂不可用 (the original file is missing from the blob store)";

    public static string For(MediaError error) => error.Code switch
    {
        MediaErrorCode.NotMedia => Format("文件不是可识别的视频、音频或图片格式，请检查后重新上传", error),
        MediaErrorCode.Truncated => Format("文件不完整（可能上传中断），请重新上传", error),
        MediaErrorCode.Unsupported => Format("无法处理此文件（没有可用的画面或时长）", error),
        MediaErrorCode.Unconvertible => Format(Unconvertible, error),
        MediaErrorCode.ToolMissing => ToolMissing,
        MediaErrorCode.Timeout => Format("处理超时，稍后将自动重试", error),
        MediaErrorCode.VerificationFailed => Format("转码结果校验失败，稍后将自动重试", error),
        _ => Format("处理失败，稍后将自动重试", error),
    };

    public static string Unexpected(Exception e) => $"处理失败，稍后将自动重试 ({e.GetType().Name}: {e.Message})";

    private static string Format(string chinese, MediaError error) => $"{chinese} ({error.Code}: {error.Message})";
}
