// While the seller waits on the filing page, each party's 确认情况 follows what they do on their own phone. The page
// works without this (the 刷新确认情况 link); the server decides what counts when 确认提交 is pressed.
(function () {
    "use strict";
    var table = document.getElementById("parties");
    var url = table && table.getAttribute("data-states");
    var live = document.getElementById("states-live");
    if (!url) { return; }
    var stopAt = Date.now() + 10 * 60 * 1000;

    function mark(cell) {
        cell.innerHTML = "";
        var badge = document.createElement("span");
        badge.className = "badge badge-ok";
        badge.textContent = "已在本人手机确认";
        cell.appendChild(badge);
        var codeCell = cell.nextElementSibling;
        if (codeCell) {
            codeCell.innerHTML = "";
            var note = document.createElement("span");
            note.className = "muted";
            note.textContent = "无需填写";
            codeCell.appendChild(note);
        }
    }

    function poll() {
        var waiting = table.querySelectorAll(".party-state[data-confirmed='false']");
        if (waiting.length === 0 || Date.now() > stopAt) { return; }
        if (document.hidden) { setTimeout(poll, 5000); return; }
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (states) {
                if (!states) { return; }
                states.confirmed.forEach(function (index) {
                    var cell = table.querySelector(".party-state[data-party='" + index + "'][data-confirmed='false']");
                    if (cell) {
                        cell.setAttribute("data-confirmed", "true");
                        mark(cell);
                        if (live) { live.textContent = "第" + (index + 1) + "位当事人已在本人手机确认。"; }
                    }
                });
            })
            .catch(function () { /* the next poll tries again */ })
            .then(function () { setTimeout(poll, 5000); });
    }

    setTimeout(poll, 5000);
})();
