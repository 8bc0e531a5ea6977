// Draws the statistics charts from the same numbers as the tables on the page.
(function () {
    "use strict";
    if (typeof Chart === "undefined") { return; }
    var data = JSON.parse(document.getElementById("chart-data").textContent);
    var common = { responsive: true, maintainAspectRatio: false, animation: false };
    new Chart(document.getElementById("chart-daily"), {
        type: "line",
        data: { labels: data.days, datasets: [
            { label: "网签", data: data.filings, borderColor: "#0b4f9c" },
            { label: "撤销", data: data.revocations, borderColor: "#b3261e" },
            { label: "备案", data: data.registrations, borderColor: "#1d7a3a" }] },
        options: common
    });
    new Chart(document.getElementById("chart-district"), {
        type: "bar",
        data: { labels: data.districts, datasets: [{ label: "网签", data: data.districtFilings, backgroundColor: "#0b4f9c" }] },
        options: common
    });
    new Chart(document.getElementById("chart-refusals"), {
        type: "doughnut",
        data: { labels: data.reasons, datasets: [{ data: data.reasonCounts }] },
        options: common
    });
})();
