// Adds notifications to the workspace's inbox as they arrive (Server-Sent Events from the
// console, same origin), and keeps the unread count up to date. Without JavaScript the
// inbox still shows everything on the next page load.
(function () {
  'use strict';
  var inbox = document.querySelector('[data-live-inbox]');
  if (!inbox || !window.EventSource) {
    return;
  }
  var list = inbox.querySelector('ul.inbox');
  var count = inbox.querySelector('[data-unread]');
  var empty = inbox.querySelector('.inbox-empty');
  var state = inbox.querySelector('.live');
  var source = new EventSource(inbox.getAttribute('data-live-inbox'));

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    if (text) {
      made.textContent = text;
    }
    return made;
  }

  source.addEventListener('open', function () {
    state.textContent = state.getAttribute('data-on');
  });
  source.addEventListener('notification', function (event) {
    var notification = JSON.parse(event.data);
    if (document.getElementById('n-' + notification.id)) {
      return;
    }
    var item = element('li', notification.readAt ? '' : 'unread');
    item.id = 'n-' + notification.id;
    var meta = element('p', 'meta');
    if (!notification.readAt) {
      meta.appendChild(element('span', 'badge', inbox.getAttribute('data-new')));
      meta.appendChild(document.createTextNode(' '));
      count.setAttribute('data-unread', String(Number(count.getAttribute('data-unread')) + 1));
      count.textContent = count.getAttribute('data-unread') + ' ' + count.getAttribute('data-label');
    }
    meta.appendChild(element('span', null, new Date(notification.createdAt).toLocaleString(document.documentElement.lang)));
    item.appendChild(meta);
    item.appendChild(element('h3', null, notification.title));
    item.appendChild(element('p', null, notification.body));
    list.insertBefore(item, list.firstChild);
    if (empty) {
      empty.hidden = true;
    }
  });
  source.addEventListener('problem', function (event) {
    source.close();
    var problem = JSON.parse(event.data);
    state.textContent = state.getAttribute('data-off') + (problem.title ? ' (' + problem.title + ')' : '');
  });
  source.addEventListener('error', function () {
    if (source.readyState === EventSource.CLOSED) {
      state.textContent = state.getAttribute('data-off');
    }
  });
}());
