// Search page enhancements (the page works without them): facets and sort apply on change,
// and the search box suggests titles from /odata/Suggest as the teacher types.
document.documentElement.classList.add('js');
const form = document.getElementById('search-form');
if (form) {
  for (const el of form.querySelectorAll('[data-autosubmit]')) el.addEventListener('change', () => form.requestSubmit());
  const input = form.querySelector('input[data-suggest]');
  const list = document.getElementById(input?.getAttribute('list') ?? '');
  let timer, last = '';
  input?.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const prefix = input.value.trim();
      if (prefix.length < 1 || prefix === last) return;
      last = prefix;
      try {
        const res = await fetch(`${input.dataset.suggest}?prefix=${encodeURIComponent(prefix)}&top=8`, { credentials: 'same-origin' });
        if (!res.ok) return;
        const { value } = await res.json();
        list.replaceChildren(...value.map(s => Object.assign(document.createElement('option'), { value: s.Title })));
      } catch { /* suggestions are optional */ }
    }, 200);
  });
}
