using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport.Extensions;

namespace ResourceHub.Indexing.Tests.Elastic;

/// <summary>A typed request as the official client writes it on the wire (its own request serializer).</summary>
public static class ElasticJson
{
    private static readonly ElasticsearchClient Client = new(new ElasticsearchClientSettings(new Uri("http://es.test:9200")));

    public static JsonNode Of<T>(T request) => JsonNode.Parse(Client.RequestResponseSerializer.SerializeToString(request))!;
}
