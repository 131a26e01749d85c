namespace ResourceHub.Blobs.Sniffing;

/// <summary>The media types <see cref="ContentSniffer"/> can report.</summary>
public static class MediaTypes
{
    public const string Mp4 = "video/mp4";
    public const string QuickTime = "video/quicktime";
    public const string Mp4Audio = "audio/mp4";
    public const string Heic = "image/heic";
    public const string Avif = "image/avif";
    public const string ThreeGpp = "video/3gpp";
    public const string WebM = "video/webm";
    public const string Matroska = "video/x-matroska";
    public const string Avi = "video/x-msvideo";
    public const string Flv = "video/x-flv";
    public const string MpegTs = "video/mp2t";
    public const string Mp3 = "audio/mpeg";
    public const string Aac = "audio/aac";
    public const string Wav = "audio/wav";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";

    /// <summary>Any zip; docx/pptx/xlsx are zips and are not told apart by their first bytes.</summary>
    public const string Zip = "application/zip";

    /// <summary>OLE2 compound file: legacy doc/ppt/xls.</summary>
    public const string Ole2 = "application/x-ole-storage";

    /// <summary>Valid UTF-8 without NULs or other binary control characters (plain text, markdown, CSV, ...).</summary>
    public const string Text = "text/plain";
}
