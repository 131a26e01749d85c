namespace ResourceHub.Api.OData.Batch;

/// <summary>
/// The bytes a whole $batch may answer with. Parts write into a stream that stops the part as soon as
/// the budget is spent (so one huge part cannot fill memory either); later parts are not run.
/// </summary>
public sealed class ResponseBudget(long maxBytes)
{
    private readonly long _max = maxBytes;
    private long _used;

    public bool Spent { get; private set; }

    public Stream Stream() => new PartStream(this);

    /// <summary>The part's body, counted against the budget.</summary>
    public byte[] Take(Stream part)
    {
        var bytes = ((PartStream)part).ToArray();
        _used += bytes.Length;
        return bytes;
    }

    public BatchResponse NotRun(BatchRequest request) =>
        BatchResponse.Error(request, StatusCodes.Status413PayloadTooLarge, "BatchResponseTooLarge", Message);

    private string Message => $"批处理的响应总量超过上限 {_max} 字节，此请求未执行 (the batch's responses exceeded {_max} bytes; this request was not run)";

    /// <summary>A memory stream that throws once the batch's budget is crossed; after that it takes the error body.</summary>
    private sealed class PartStream(ResponseBudget budget) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            Check(count);
            return base.WriteAsync(buffer, offset, count, ct);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Check(buffer.Length);
            return base.WriteAsync(buffer, ct);
        }

        public override void WriteByte(byte value)
        {
            Check(1);
            base.WriteByte(value);
        }

        private void Check(int count)
        {
            if (budget.Spent || budget._used + Length + count <= budget._max)
                return;
            budget.Spent = true;
            throw new ODataProblem(StatusCodes.Status413PayloadTooLarge, "BatchResponseTooLarge",
                $"批处理的响应总量超过上限 {budget._max} 字节 (the batch's responses exceed {budget._max} bytes)");
        }
    }
}
