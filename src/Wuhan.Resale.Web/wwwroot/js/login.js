// Login page: poll the ticket status; sign in once the phone confirms; swap in a fresh QR code when it expires.
(function () {
    "use strict";
    var form = document.getElementById("complete-form");
    var box = document.getElementById("qr-box");
    var link = document.getElementById("same-device-link");
    var thisDevice = document.getElementById("this-device-link");
    var pairing = document.getElementById("pairing-code");
    var countdown = document.getElementById("qr-countdown");
    if (!form || !box) { return; }
    var token = form.querySelector("input[name=__RequestVerificationToken]").value;
    var secondsLeft = parseInt(countdown.getAttribute("data-seconds"), 10) || 300;
    var busy = false;

    function renew() {
        busy = true;
        fetch("/login/ticket", { method: "POST", headers: { "RequestVerificationToken": token }, credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
            .then(function (data) {
                box.innerHTML = data.svg;
                link.href = data.link;
                if (thisDevice) { thisDevice.href = data.link; }
                if (pairing) { pairing.textContent = data.pairingCode; }
                secondsLeft = data.secondsLeft;
            })
            .catch(function () { countdown.textContent = "二维码刷新失败，请刷新页面。"; })
            .then(function () { busy = false; });
    }

    function poll() {
        if (busy) { return; }
        fetch("/login/status", { credentials: "same-origin", cache: "no-store" })
            .then(function (r) { return r.json(); })
            .then(function (data) {
                if (data.status === "authorised") { busy = true; form.submit(); }
                else if (data.status === "signed-in") { busy = true; window.location.href = "/me"; }
                else if (data.status === "expired" || data.status === "unknown" || data.status === "consumed") { renew(); }
                else { secondsLeft = data.secondsLeft; }
            })
            .catch(function () { /* the next poll tries again */ });
    }

    setInterval(function () {
        secondsLeft = Math.max(0, secondsLeft - 1);
        countdown.textContent = "二维码剩余有效时间：" + Math.floor(secondsLeft / 60) + " 分 " + (secondsLeft % 60) + " 秒";
    }, 1000);
    setInterval(poll, 2000);
})();
