/* Hearth's quick exit. Every page works without this file; it only makes leaving faster and safer:
 * - the "Exit this page" button, or Shift pressed three times within two seconds, blanks the page at
 *   once and replaces it in the history with the node's neutral site, so Back does not return to it;
 * - coming back to a Hearth page through the history after leaving shows a blank page and leaves again.
 * It is loaded in <head>, before the page is drawn, so that a page reached by Back is never seen. */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-exit]');
  var exitUrl = script && script.getAttribute('data-exit');
  var LEFT = 'hearth-left';
  var WINDOW_MS = 2000;

  function hide() {
    document.documentElement.style.display = 'none';
    document.title = '';
  }

  function remember(left) {
    try {
      if (left) {
        sessionStorage.setItem(LEFT, '1');
      } else {
        sessionStorage.removeItem(LEFT);
      }
    } catch (e) {
      // Storage can be switched off; the exit itself still works.
    }
  }

  function hasLeft() {
    try {
      return sessionStorage.getItem(LEFT) === '1';
    } catch (e) {
      return false;
    }
  }

  function leave() {
    hide();
    remember(true);
    location.replace(exitUrl);
  }

  function arrivedThroughHistory() {
    var entries = window.performance && performance.getEntriesByType
      ? performance.getEntriesByType('navigation') : [];
    if (entries.length) {
      return entries[0].type === 'back_forward';
    }
    return !!(window.performance && performance.navigation && performance.navigation.type === 2);
  }

  if (!exitUrl) {
    return;
  }

  // Back (or Forward) after she left: show nothing and leave again. Any other way in (she typed
  // the address, followed a link, reloaded) means she chose to come back.
  if (hasLeft()) {
    if (arrivedThroughHistory()) {
      leave();
      return;
    }
    remember(false);
  }

  // A page kept whole in the back-forward cache does not run this file again, only pageshow.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && hasLeft()) {
      leave();
    }
  });

  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('a.exit') : null;
    if (link) {
      event.preventDefault();
      leave();
    }
  });

  // Shift three times on its own. Shift held for a capital letter, or any other key pressed
  // between the presses, starts the count again: typing never triggers it.
  var presses = [];
  var shiftAlone = false;
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Shift') {
      if (!event.repeat) {
        shiftAlone = true;
      }
      return;
    }
    shiftAlone = false;
    presses = [];
  }, true);
  // Shift held while clicking (selecting text) is a modifier too.
  document.addEventListener('mousedown', function () {
    shiftAlone = false;
    presses = [];
  }, true);
  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift' || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    var now = Date.now();
    presses = presses.filter(function (at) { return now - at < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  }, true);
}());
