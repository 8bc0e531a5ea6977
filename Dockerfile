# Production image of the portal. Build context: the repository root.
FROM node:20-bookworm-slim AS client
WORKDIR /client
COPY src/Wuhan.Resale.Web/package.json src/Wuhan.Resale.Web/package-lock.json ./
RUN npm ci --no-audit --no-fund && mkdir -p lib/chart.js && cp node_modules/chart.js/dist/chart.umd.min.js lib/chart.js/

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Wuhan.Resale.Domain/Wuhan.Resale.Domain.csproj src/Wuhan.Resale.Domain/
COPY src/Wuhan.Resale.Web/Wuhan.Resale.Web.csproj src/Wuhan.Resale.Web/
RUN dotnet restore src/Wuhan.Resale.Web/Wuhan.Resale.Web.csproj
COPY src/ src/
COPY --from=client /client/lib src/Wuhan.Resale.Web/wwwroot/lib
RUN dotnet publish src/Wuhan.Resale.Web/Wuhan.Resale.Web.csproj -c Release --no-restore -p:SkipClientRestore=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Storage__DataDirectory=/var/lib/wuhan-resale
RUN mkdir -p /var/lib/wuhan-resale && chown app:app /var/lib/wuhan-resale
COPY --from=build /app .
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "Wuhan.Resale.Web.dll"]
