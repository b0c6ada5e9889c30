// Timeline, network and map, drawn with the vendored d3 (and topojson-client for the map).
// Labels from the knowledge base are set with d3's .text() (textContent), never as HTML.
(function () {
  "use strict";

  function data(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // Goldstein -10 (conflict, red) .. +10 (cooperation, green); unknown is grey.
  function tone(g) {
    if (g === null || g === undefined) return "#a0aec0";
    return d3.interpolateRdYlGn((Math.max(-10, Math.min(10, g)) + 10) / 20);
  }

  function sized(container, height) {
    var width = container.clientWidth || 900;
    return d3.select(container).append("svg").attr("viewBox", [0, 0, width, height]).attr("width", width).attr("height", height);
  }

  function ready(container, count) {
    container.setAttribute("data-ready", "true");
    container.setAttribute("data-items", String(count));
  }

  function timeline() {
    var container = document.getElementById("timeline-chart");
    var items = data("timeline-data");
    if (!container || !items) return;
    var rows = ["event", "action", "statement"];
    var height = 240, margin = { top: 16, right: 44, bottom: 28, left: 80 };
    var svg = sized(container, height);
    var width = +svg.attr("width");
    var parse = d3.utcParse("%Y-%m-%d");
    items.forEach(function (d) { d.day = parse(d.date); });
    items = items.filter(function (d) { return d.day; });
    var extent = d3.extent(items, function (d) { return d.day; });
    if (!items.length) {
      svg.append("text").attr("x", 20).attr("y", 40).text("No dated items.");
      ready(container, 0);
      return;
    }
    // A story of a few days still gets a readable day axis, not hours.
    if (extent[1] - extent[0] < 7 * 864e5) extent = [d3.utcDay.offset(extent[0], -2), d3.utcDay.offset(extent[1], 2)];
    var x = d3.scaleUtc().domain(extent).nice().range([margin.left, width - margin.right]);
    // Whole days only: never two ticks with the same date.
    var fit = Math.max(2, Math.floor(width / 110));
    var ticks = (extent[1] - extent[0]) / 864e5 <= fit ? d3.utcDay.every(1) : fit;
    var y = d3.scalePoint().domain(rows).range([margin.top + 20, height - margin.bottom - 20]);
    svg.append("g").attr("transform", "translate(0," + (height - margin.bottom) + ")").call(d3.axisBottom(x).ticks(ticks).tickFormat(d3.utcFormat("%Y-%m-%d")));
    svg.append("g").attr("transform", "translate(" + margin.left + ",0)").call(d3.axisLeft(y).tickSize(0)).select(".domain").remove();
    // Items on one day and row are spread vertically so each stays clickable.
    var seen = {};
    items.forEach(function (d) {
      var key = d.type + d.date;
      seen[key] = (seen[key] || 0) + 1;
      d.offset = ((seen[key] - 1) % 7 - 3) * 5;
    });
    svg.append("g").selectAll("a").data(items).join("a")
      .attr("href", function (d) { return d.href; })
      .append("circle")
      .attr("class", function (d) { return "tl-dot tl-" + d.type; })
      .attr("cx", function (d) { return x(d.day); })
      .attr("cy", function (d) { return y(d.type) + d.offset; })
      .attr("r", 5)
      .attr("fill", function (d) { return d.type === "event" ? tone(d.goldstein) : d.type === "statement" ? "#3182ce" : "#718096"; })
      .attr("stroke", "#fff")
      .append("title").text(function (d) { return d.date + " · " + d.label; });
    ready(container, items.length);
  }

  function network() {
    var container = document.getElementById("network-chart");
    var graph = data("network-data");
    if (!container || !graph) return;
    var height = container.clientHeight || 640;
    var svg = sized(container, height);
    var width = +svg.attr("width");
    var nodes = graph.nodes.map(function (n) { return Object.assign({}, n); });
    var links = graph.links.map(function (l) { return Object.assign({}, l); });
    if (!nodes.length) {
      svg.append("text").attr("x", 20).attr("y", 40).text("No events between known actors in this period.");
      ready(container, 0);
      return;
    }
    var radius = d3.scaleSqrt().domain([1, d3.max(nodes, function (n) { return n.events; })]).range([4, 22]);
    var simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(70))
      .force("charge", d3.forceManyBody().strength(-160))
      .force("center", d3.forceCenter(width / 2, height / 2))
      .force("collide", d3.forceCollide(function (n) { return radius(n.events) + 3; }))
      .force("x", d3.forceX(width / 2).strength(0.05))
      .force("y", d3.forceY(height / 2).strength(0.07))
      .stop();
    // A fixed number of ticks: the same graph always gets the same layout.
    for (var i = 0; i < 300; i++) simulation.tick();
    var view = svg.append("g");
    svg.call(d3.zoom().scaleExtent([0.3, 6]).on("zoom", function (event) { view.attr("transform", event.transform); }));
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -5 10 10").attr("refX", 10).attr("markerWidth", 6).attr("markerHeight", 6).attr("orient", "auto")
      .append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", "#718096");
    view.append("g").selectAll("line").data(links).join("line")
      .attr("class", "link")
      .attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
      .attr("x2", function (l) { return l.target.x; }).attr("y2", function (l) { return l.target.y; })
      .attr("stroke", function (l) { return tone(l.goldstein); })
      .attr("stroke-width", function (l) { return 1.5 + Math.sqrt(l.events); })
      .attr("stroke-opacity", 0.85)
      .append("title").text(function (l) {
        return l.source.name + " → " + l.target.name + ": " + l.events + " event" + (l.events === 1 ? "" : "s") +
          (l.goldstein === null ? "" : ", mean Goldstein " + l.goldstein);
      });
    var node = view.append("g").selectAll("a").data(nodes).join("a")
      .attr("href", function (n) { return "/actors/" + encodeURIComponent(n.id); })
      .attr("class", "node");
    node.append("circle")
      .attr("cx", function (n) { return n.x; }).attr("cy", function (n) { return n.y; })
      .attr("r", function (n) { return radius(n.events); })
      .attr("fill", function (n) { return n.type === "person" ? "#4299e1" : n.type === "organization" ? "#9f7aea" : n.type === "place" ? "#48bb78" : "#ed8936"; })
      .attr("stroke", "#fff").attr("stroke-width", 1.5)
      .append("title").text(function (n) { return n.name + " (" + n.type + "), " + n.events + " events"; });
    var labelled = nodes.slice().sort(function (a, b) { return b.events - a.events; }).slice(0, 40);
    view.append("g").selectAll("text").data(labelled).join("text")
      .attr("x", function (n) { return n.x + radius(n.events) + 3; }).attr("y", function (n) { return n.y + 4; })
      .text(function (n) { return n.name; });
    ready(container, nodes.length);
  }

  function map() {
    var container = document.getElementById("map-chart");
    var places = data("map-data");
    if (!container || !places) return;
    var height = container.clientHeight || 560;
    var svg = sized(container, height);
    var width = +svg.attr("width");
    fetch("/static/vendor/world-atlas/countries-110m.json").then(function (r) { return r.json(); }).then(function (world) {
      var countries = topojson.feature(world, world.objects.countries);
      var projection = d3.geoEqualEarth().fitExtent([[10, 10], [width - 10, height - 10]], { type: "Sphere" });
      var path = d3.geoPath(projection);
      svg.append("path").attr("d", path({ type: "Sphere" })).attr("fill", "#ebf8ff");
      var counts = {};
      (data("map-countries") || []).forEach(function (c) { counts[c.numeric] = c; });
      var most = d3.max(Object.values(counts), function (c) { return c.events; }) || 1;
      // Log scale from a visible light blue: a country with one event must stand out too.
      var shade = d3.scaleSequentialLog(function (t) { return d3.interpolateBlues(0.3 + 0.7 * t); }).domain([1, Math.max(2, most)]);
      svg.append("g").selectAll("path").data(countries.features).join("path")
        .attr("class", function (f) { return counts[f.id] ? "country with-events" : "country"; })
        .attr("d", path)
        .attr("fill", function (f) { return counts[f.id] ? shade(counts[f.id].events) : "#f7fafc"; })
        .attr("fill-opacity", function (f) { return counts[f.id] ? 0.55 : 1; })
        .attr("stroke", "#a0aec0").attr("stroke-width", 0.5)
        .append("title").text(function (f) {
          var c = counts[f.id];
          return f.properties.name + (c ? ": " + c.events + " event" + (c.events === 1 ? "" : "s") : "");
        });
      var r = d3.scaleSqrt().domain([1, d3.max(places, function (p) { return p.events; }) || 1]).range([3, 18]);
      var placed = places.filter(function (p) { return projection([p.longitude, p.latitude]); });
      var dots = svg.append("g").selectAll("a").data(placed).join("a")
        .attr("href", function (p) { return "/search?q=" + encodeURIComponent(p.place || ""); });
      dots.append("circle").attr("class", "place")
        .attr("cx", function (p) { return projection([p.longitude, p.latitude])[0]; })
        .attr("cy", function (p) { return projection([p.longitude, p.latitude])[1]; })
        .attr("r", function (p) { return r(p.events); })
        .attr("fill", function (p) { return tone(p.goldstein); }).attr("fill-opacity", 0.8).attr("stroke", "#2d3748").attr("stroke-width", 0.6)
        .append("title").text(function (p) { return p.place + ": " + p.events + " event" + (p.events === 1 ? "" : "s") + (p.goldstein === null ? "" : ", mean Goldstein " + p.goldstein); });
      svg.append("g").selectAll("text").data(placed.slice(0, 12)).join("text")
        .attr("x", function (p) { return projection([p.longitude, p.latitude])[0] + r(p.events) + 2; })
        .attr("y", function (p) { return projection([p.longitude, p.latitude])[1] + 4; })
        .text(function (p) { return p.place; });
      ready(container, placed.length);
    });
  }

  timeline();
  network();
  map();
})();
