// Review form: shows the total of the points entered so far (the server computes the total it records).
const form = document.getElementById('rubric-form');
const total = document.getElementById('total');
if (form && total) {
  const inputs = [...form.querySelectorAll('input[data-points]')];
  const update = () => {
    let sum = 0, any = false;
    for (const input of inputs) {
      const value = Number(input.value);
      if (input.value !== '' && Number.isFinite(value)) { sum += Math.min(Math.max(value, 0), Number(input.max)); any = true; }
    }
    total.value = any ? String(Math.round(sum * 100) / 100) : '—';
  };
  form.addEventListener('input', update);
  update();
}
