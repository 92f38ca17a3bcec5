// Shared by the offline corpus pages: a submitted form is shown, not sent, so the page keeps its state.
document.addEventListener('submit', function (e) {
  e.preventDefault();
  var form = e.target, parts = [];
  new FormData(form).forEach(function (v, k) { parts.push(k + '=' + v); });
  var out = document.getElementById('result');
  out.textContent = 'Submitted ' + (form.getAttribute('name') || 'form') + ': ' + parts.join('; ');
});
