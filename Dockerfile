# One image for both the API and the worker (compose runs it twice with different roles).
# Exact versions: the SDK and runtime this repository is built and tested with.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
# npm vendors hls.js into the web app at build time (src/ResourceHub.Web/package.json).
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/ResourceHub.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg poppler-utils curl \
        libreoffice-core libreoffice-impress libreoffice-writer libreoffice-calc \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ResourceHub__DataDir=/var/lib/resourcehub
VOLUME /var/lib/resourcehub
EXPOSE 8080
ENTRYPOINT ["dotnet", "ResourceHub.Api.dll"]
