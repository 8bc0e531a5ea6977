# Production image of the portal. Build context: the repository root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Wuhan.Resale.Domain/Wuhan.Resale.Domain.csproj src/Wuhan.Resale.Domain/
COPY src/Wuhan.Resale.Web/Wuhan.Resale.Web.csproj src/Wuhan.Resale.Web/
RUN dotnet restore src/Wuhan.Resale.Web/Wuhan.Resale.Web.csproj
COPY src/ src/
RUN dotnet publish src/Wuhan.Resale.Web/Wuhan.Resale.Web.csproj -c Release --no-restore -o /app

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
