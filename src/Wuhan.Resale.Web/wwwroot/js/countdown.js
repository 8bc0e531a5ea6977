// A send-code button just used shows how long until it can be pressed again; the server enforces the same wait.
(function () {
    "use strict";
    document.querySelectorAll("button[data-wait]").forEach(function (button) {
        var left = parseInt(button.getAttribute("data-wait"), 10);
        if (!(left > 0)) { return; }
        var label = button.textContent;
        button.disabled = true;
        var tick = function () {
            if (left <= 0) { button.disabled = false; button.textContent = label; return; }
            button.textContent = "重新发送（" + left + "秒）";
            left -= 1;
            setTimeout(tick, 1000);
        };
        tick();
    });
})();
