// Keeps the contest page's countdown to the phase end ticking; the server already rendered the same text.
const el = document.querySelector('[data-countdown]');
if (el) {
  const end = Date.parse(el.getAttribute('datetime'));
  const tick = () => {
    const left = end - Date.now();
    if (left <= 0) {
      el.textContent = '已到计划结束时间';
      return;
    }
    const minutes = Math.floor(left / 60000);
    const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
    el.textContent = d > 0 ? `${d} 天 ${h} 小时 ${m} 分` : `${h} 小时 ${m} 分`;
    setTimeout(tick, 60000 - (left % 60000) + 50);
  };
  tick();
}
