// 批量导入: sends the ZIP with XMLHttpRequest so the bar shows bytes sent; without JavaScript the form posts as is.
const form = document.getElementById('import-form');
const bar = document.getElementById('upload-progress');
const status = document.getElementById('upload-status');
if (form && bar && status) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action || location.href);
    bar.hidden = false;
    xhr.upload.addEventListener('progress', e => {
      if (!e.lengthComputable) return;
      bar.max = e.total;
      bar.value = e.loaded;
      status.textContent = `已上传 ${(e.loaded / 1048576).toFixed(1)} / ${(e.total / 1048576).toFixed(1)} MB`;
    });
    // The page answers with a redirect to the job (followed here) or the form again with a Chinese message.
    xhr.addEventListener('load', () => {
      if (xhr.responseURL && xhr.responseURL.includes('/my/import/')) location.assign(xhr.responseURL);
      else { document.open(); document.write(xhr.responseText); document.close(); }
    });
    xhr.addEventListener('error', () => { status.textContent = '上传中断，请检查网络后重试。'; });
    form.querySelector('button[type=submit]').disabled = true;
    status.textContent = '正在上传…';
    xhr.send(new FormData(form));
  });
}
