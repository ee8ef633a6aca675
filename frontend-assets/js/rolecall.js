// Rolecall's only script: progressive enhancement on top of pages that work without it.
(function () {
  "use strict";

  // htmx requests carry the CSRF token the page was rendered with.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Forms marked data-confirm-leave ask before the person leaves with unsaved input.
  var dirty = false;
  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form.hasAttribute("data-confirm-leave")) {
      dirty = true;
    }
  });
  document.addEventListener("submit", function () {
    dirty = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // Buttons marked data-copy copy the text of the element they name.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (button && navigator.clipboard) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (source) {
        navigator.clipboard.writeText(source.textContent);
      }
    }
  });

  // Parts marked data-script-only need this script: they stay hidden without it.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-script-only]").forEach(function (part) {
      part.hidden = false;
    });
  });

  // Buttons marked data-add-arn add their ARN as a line of the managed policy list, once.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-add-arn]");
    var list = document.getElementById("managedPolicyArns");
    if (!button || !list) {
      return;
    }
    var arn = button.getAttribute("data-add-arn");
    var lines = list.value.split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
    if (lines.indexOf(arn) < 0) {
      lines.push(arn);
      list.value = lines.join("\n");
      list.dispatchEvent(new Event("input", { bubbles: true }));
    }
    button.textContent = "Added";
    button.setAttribute("aria-label", "Added " + arn + " to the managed policies");
  });

  // Times carry their exact UTC value in datetime; show it relative, exact on hover.
  function relative(iso) {
    var seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
    var future = seconds < 0;
    seconds = Math.abs(seconds);
    var units = [["d", 86400], ["h", 3600], ["min", 60]];
    for (var i = 0; i < units.length; i++) {
      if (seconds >= units[i][1]) {
        var n = Math.floor(seconds / units[i][1]);
        return future ? "in " + n + " " + units[i][0] : n + " " + units[i][0] + " ago";
      }
    }
    return "just now";
  }
  function humanizeTimes(root) {
    root.querySelectorAll("time[datetime][data-relative]").forEach(function (time) {
      time.title = time.getAttribute("datetime");
      time.textContent = relative(time.getAttribute("datetime"));
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    humanizeTimes(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    humanizeTimes(event.target);
  });
})();
