#!/usr/bin/env bash
# Runs ResourceHub on the embedded defaults: SQLite, local files and the SQLite search index under
# ./data, no server to start. Installs ffmpeg (for the media pipeline) when missing. On an empty
# data directory it loads demo resources so there is something to query at once.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${URL:-http://127.0.0.1:5000}
export ResourceHub__DataDir=${ResourceHub__DataDir:-$(pwd)/data}
export ResourceHub__DemoData=${ResourceHub__DemoData:-true}

if ! command -v ffmpeg >/dev/null || ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "安装 ffmpeg / poppler-utils (installing ffmpeg for video transcoding)…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq --no-install-recommends ffmpeg poppler-utils >/dev/null
  else
    echo "注意: 未找到 ffmpeg，视频转码将暂停直到安装 (ffmpeg missing: sudo apt-get install ffmpeg poppler-utils)" >&2
  fi
fi

dotnet build src/ResourceHub.Api -c Release -v quiet -nologo >/dev/null
cat <<MSG
ResourceHub 正在启动: $URL/   (网页 web app; API: $URL/odata; data: $ResourceHub__DataDir)
网页登录 (sign in on the web), 演示账户密码均为 demo-2026 (demo accounts, password demo-2026):
  教师 li.ming / wang.fang   专家 zhang.expert / chen.expert   坊主 zhao.host   供应商 alice
  管理员 school.admin / county.admin / city.admin / province.admin
新建本地账户 (add a local account; password on stdin):
  echo '至少8位的密码' | dotnet run --project src/ResourceHub.Api -- user add --user zhou.li --role teacher --org bh-no1 --name 周丽
获取令牌 (get a token):
  dotnet run --project src/ResourceHub.Api -- token --user alice --role vendor --org acme
  TOKEN=\$(dotnet run --project src/ResourceHub.Api -- token --user t1 --role teacher --org bh-no1)
  curl -H "Authorization: Bearer \$TOKEN" '$URL/odata/Resources?\$top=5'
MSG
exec dotnet src/ResourceHub.Api/bin/Release/net10.0/ResourceHub.Api.dll --urls "$URL"
