// 我的上传: sends the chosen file over tus 1.0 (/uploads) in parts with a progress bar (bytes, speed, time left),
// resumes from the server's offset after a dropped connection, then follows the transcoding job.
// Without this script the form posts the file as multipart (the page works the same, without progress).
const form = document.getElementById('upload-form');
const media = document.getElementById('media');
const TUS = { 'Tus-Resumable': '1.0.0' };
const MAX_RETRIES = 10;

class Refused extends Error {}

const sleep = ms => new Promise(r => setTimeout(r, ms));
const b64 = s => btoa(Array.from(new TextEncoder().encode(s), b => String.fromCharCode(b)).join(''));
const size = n => n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(0, Math.round(n / 1024))} KB`;
const duration = s => s >= 3600 ? `${Math.floor(s / 3600)} 小时 ${Math.round(s % 3600 / 60)} 分` : s >= 60 ? `${Math.floor(s / 60)} 分 ${Math.round(s % 60)} 秒` : `${Math.ceil(s)} 秒`;

async function problem(res) {
  try { return (await res.json()).error.message; } catch { return `服务器返回 ${res.status}`; }
}

// One PATCH of the bytes from offset; resolves with the server's new offset. Network failures reject plainly (retry);
// a refusal of the file itself rejects with Refused (no retry).
function patch(url, file, offset, chunk, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PATCH', url);
    xhr.setRequestHeader('Tus-Resumable', '1.0.0');
    xhr.setRequestHeader('Upload-Offset', String(offset));
    xhr.setRequestHeader('Content-Type', 'application/offset+octet-stream');
    xhr.upload.onprogress = e => onProgress(offset + e.loaded);
    xhr.onload = () => {
      if (xhr.status === 204) resolve(Number(xhr.getResponseHeader('Upload-Offset')));
      else if (xhr.status === 409 || xhr.status >= 500) reject(new Error(`HTTP ${xhr.status}`));
      else {
        let message = `服务器返回 ${xhr.status}`;
        try { message = JSON.parse(xhr.responseText).error.message; } catch { /* keep the status */ }
        reject(new Refused(message));
      }
    };
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => reject(new Error('network'));
    xhr.send(file.slice(offset, offset + chunk));
  });
}

async function upload(event) {
  const file = form.querySelector('input[type=file]').files[0];
  if (!file) return; // the server says what is missing
  event.preventDefault();
  const box = document.getElementById('upload-box');
  const bar = document.getElementById('upload-bar');
  const text = document.getElementById('upload-text');
  const button = document.getElementById('upload-button');
  const chunk = Number(form.dataset.chunk) || 1048576;
  box.hidden = false;
  button.disabled = true;
  let resumed = 0;
  const started = performance.now();
  let base = 0; // bytes the server had when this attempt began, so speed counts only this session's bytes
  const show = sent => {
    bar.value = Math.floor(sent * 100 / file.size);
    const seconds = (performance.now() - started) / 1000;
    const speed = seconds > 0 ? (sent - base) / seconds : 0;
    const left = speed > 0 ? (file.size - sent) / speed : 0;
    text.textContent = `已上传 ${size(sent)} / ${size(file.size)}（${bar.value}%）· 速度 ${size(speed)}/秒 · 剩余约 ${duration(left)}`
      + (resumed ? ` · 已断点续传 ${resumed} 次` : '');
  };
  try {
    const created = await fetch('/uploads', {
      method: 'POST', credentials: 'same-origin',
      headers: { ...TUS, 'Upload-Length': String(file.size),
        'Upload-Metadata': `resource ${b64(form.dataset.resource)},filename ${b64(file.name)},filetype ${b64(file.type || 'application/octet-stream')}` },
    });
    if (!created.ok) throw new Refused(await problem(created));
    const url = created.headers.get('Location');
    let offset = 0;
    let retries = 0;
    show(0);
    while (offset < file.size) {
      try {
        offset = await patch(url, file, offset, chunk, show);
        retries = 0;
        show(offset);
      } catch (e) {
        if (e instanceof Refused || ++retries > MAX_RETRIES) throw e;
        text.textContent = `网络连接中断，${retries} 秒后从断点继续上传…`;
        await sleep(1000 * retries);
        try {
          const head = await fetch(url, { method: 'HEAD', headers: TUS, credentials: 'same-origin', cache: 'no-store' });
          if (head.status === 404) throw new Refused('上传已过期，请重新选择文件上传');
          if (head.ok) offset = Number(head.headers.get('Upload-Offset'));
        } catch (h) {
          if (h instanceof Refused) throw h; // otherwise still offline: try again
        }
        resumed++;
        form.dataset.resumed = String(resumed);
      }
    }
    bar.value = 100;
    text.textContent = `上传完成（${size(file.size)}），正在排队转码…`;
    form.dataset.done = 'true';
    follow();
  } catch (e) {
    text.textContent = `上传失败：${e.message}`;
    text.classList.add('error-text');
    button.disabled = false;
  }
}

// Polls the media job; when it ends the page reloads to show the file and the submit button.
async function follow() {
  media.hidden = false;
  const bar = document.getElementById('media-bar');
  const text = document.getElementById('media-text');
  for (;;) {
    try {
      const res = await fetch(media.dataset.progressUrl, { credentials: 'same-origin', cache: 'no-store' });
      if (res.ok) {
        const p = await res.json();
        bar.value = p.percent;
        if (p.label) text.textContent = p.label;
        if (p.state && !p.active) { location.replace(location.pathname + '?uploaded=true'); return; }
      }
    } catch { /* offline for a moment: keep polling */ }
    await sleep(1500);
  }
}

form?.addEventListener('submit', upload);
if (media?.dataset.active === 'true') follow();
