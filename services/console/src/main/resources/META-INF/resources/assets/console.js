// Shishi office console: small progressive enhancements; every page works without them.
(function () {
  'use strict';

  // A date or time typed only in part reaches the server as an empty field, which it would take as
  // "not given" (a report at noon); a file over the console's limit would be cut off by the HTTP
  // layer with a bare error page. Such a field is marked here and the form is not sent.
  function tooLarge(field) {
    var max = +field.getAttribute('data-max-bytes');
    return max > 0 && field.files && field.files.length > 0 && field.files[0].size > max;
  }
  function badInputs(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.hasAttribute('data-bad-input')
        && ((field.validity && field.validity.badInput) || tooLarge(field));
    });
  }
  function markBad(field) {
    var id = field.id + '-bad-input';
    if (!document.getElementById(id)) {
      var text = document.createElement('p');
      text.className = 'field-error';
      text.id = id;
      text.textContent = field.getAttribute('data-bad-input');
      field.insertAdjacentElement('afterend', text);
    }
    field.setAttribute('aria-invalid', 'true');
    var described = field.getAttribute('aria-describedby') || '';
    if ((' ' + described + ' ').indexOf(' ' + id + ' ') < 0) {
      field.setAttribute('aria-describedby', (described + ' ' + id).replace(/^ /, ''));
    }
  }

  // A button that was clicked says so and cannot be clicked again while its form is sent. The form
  // carries its own report id, so even a second submission would be counted once.
  document.addEventListener('submit', function (event) {
    var bad = badInputs(event.target);
    if (bad.length) {
      event.preventDefault();
      bad.forEach(markBad);
      bad[0].focus();
      return;
    }
    var button = event.target.querySelector('button[type="submit"][data-busy]');
    if (button) {
      setTimeout(function () {
        button.setAttribute('data-idle', button.textContent);
        button.disabled = true;
        button.textContent = button.getAttribute('data-busy');
      }, 0);
    }
  });

  // A page the browser keeps and shows again on "Back" comes back as it was left: its button busy.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) { return; }
    var busy = document.querySelectorAll('button[data-busy][data-idle]');
    Array.prototype.forEach.call(busy, function (button) {
      button.disabled = false;
      button.textContent = button.getAttribute('data-idle');
    });
  });

  // The region list becomes a cascade: province, then city, then county, each limited to what
  // the office may report for. The original list stays the form's field, kept in step.
  function cascade(select) {
    var labels = (select.getAttribute('data-cascade') || '').split(',');
    var ownLevel = select.getAttribute('data-own-level') || '';
    var options = Array.prototype.map.call(select.options, function (o) {
      return { code: o.value, parent: o.getAttribute('data-parent'),
        depth: +o.getAttribute('data-depth'), name: o.textContent.replace(/^\u3000+/, '') };
    });
    if (options.length < 2) { return; }
    var byCode = {};
    options.forEach(function (o) { byCode[o.code] = o; });
    var top = Math.min.apply(null, options.map(function (o) { return o.depth; }));
    var roots = options.filter(function (o) { return o.depth === top; });
    var box = document.createElement('div');
    box.className = 'cascade';
    select.parentNode.insertBefore(box, select);
    select.hidden = true;
    select.setAttribute('aria-hidden', 'true');
    var levels = [];

    function childrenOf(code) {
      return options.filter(function (o) { return o.parent === code; });
    }
    function chain(code) {
      var path = [];
      for (var o = byCode[code]; o; o = byCode[o.parent]) { path.unshift(o.code); }
      return path;
    }
    // Level `depth` offers `choices`, after the parent itself ("own level") when `own` is given.
    function level(depth, choices, own) {
      var wrap = document.createElement('div');
      var label = document.createElement('label');
      var list = document.createElement('select');
      list.id = 'region-level-' + depth;
      label.htmlFor = list.id;
      label.textContent = labels[Math.min(top + depth, labels.length - 1)] || '';
      // "（本级）" follows the name directly; "(own level)" after a space.
      var gap = ownLevel.charAt(0) === '\uff08' ? '' : ' ';
      if (own) { list.add(new Option(byCode[own].name + gap + ownLevel, own)); }
      choices.forEach(function (o) { list.add(new Option(o.name, o.code)); });
      wrap.appendChild(label);
      wrap.appendChild(list);
      box.appendChild(wrap);
      levels.push(list);
      list.addEventListener('change', function () { choose(depth, list.value); });
      return list;
    }
    // Choosing `code` at `depth` fills the field and offers the region's children below it.
    function choose(depth, code) {
      select.value = code;
      levels.splice(depth + 1).forEach(function (l) { box.removeChild(l.parentNode); });
      var own = depth > 0 && code === levels[depth - 1].value;
      var kids = own ? [] : childrenOf(code);
      if (kids.length) { level(depth + 1, kids, code); }
    }
    var path = chain(select.value);
    level(0, roots, null).value = path[0] || roots[0].code;
    choose(0, levels[0].value);
    for (var d = 1; d < path.length && levels[d]; d++) {
      levels[d].value = path[d];
      choose(d, path[d]);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var region = document.querySelector('select[data-cascade]');
    if (region) { cascade(region); }
  });
})();
