// Checks the credit code while it is typed (the API's rule, asked through the console) and
// says what it found beside the field. Without JavaScript the API's answer to the whole
// form says the same.
(function () {
  'use strict';
  var input = document.getElementById('creditCode');
  var verdict = document.getElementById('creditCode-check');
  if (!input || !verdict || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var code = input.value.trim();
    if (!code) {
      verdict.textContent = '';
      return;
    }
    timer = setTimeout(function () {
      var mine = ++asked;
      fetch(verdict.getAttribute('data-check') + '?code=' + encodeURIComponent(code), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        if (mine !== asked || !answer) {
          return;
        }
        verdict.textContent = answer.message;
        verdict.className = answer.valid ? 'check-result valid' : 'check-result invalid';
      }).catch(function () {
        verdict.textContent = '';
      });
    }, 300);
  });
}());
