namespace FedSec.Network.Status;

/// <summary>
/// The status page: one self-contained HTML file (no external resource) that reads <c>/status.json</c> every two
/// seconds and draws the accuracy curve (SVG), the nodes and each client's state.
/// </summary>
public static class StatusPage
{
    /// <summary>The page.</summary>
    public const string Html = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>FedSec server</title>
<style>
body { font-family: sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.3em; } h2 { font-size: 1.05em; margin-top: 1.5em; }
table { border-collapse: collapse; } td, th { padding: 2px 10px; border-bottom: 1px solid #ddd; text-align: left; }
.clients span { display: inline-block; width: 3.2em; margin: 2px; padding: 2px; text-align: center; border-radius: 3px; font-size: 0.85em; }
.reported { background: #b7e1b0; } .training { background: #fbe3a3; } .dropped, .rejected, .unhosted { background: #f3b2ac; } .not.sampled { background: #eee; }
#curve { border: 1px solid #ccc; }
</style>
</head>
<body>
<h1>FedSec server <span id="state"></span></h1>
<p id="run"></p>
<h2>Accuracy</h2>
<svg id="curve" width="500" height="200" viewBox="0 0 500 200"></svg>
<h2>Clients this round</h2>
<div class="clients" id="clients"></div>
<h2>Nodes</h2>
<table id="nodes"><tr><th>node</th><th>key</th><th>clients</th><th>state</th><th>last heard</th></tr></table>
<h2>Rounds</h2>
<table id="rounds"><tr><th>round</th><th>accuracy</th><th>reported</th><th>dropped</th><th>flagged</th></tr></table>
<script>
function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); }
function refill(table, rows) { while (table.rows.length > 1) table.deleteRow(1); rows.forEach(r => { const tr = table.insertRow(); r.forEach(t => cell(tr, t)); }); }
async function refresh() {
  const s = await (await fetch('status.json')).json();
  document.getElementById('state').textContent = '(' + s.state + ')';
  document.getElementById('run').textContent = 'run ' + s.run_id + ', round ' + s.round + ' of ' + s.total_rounds + ', configuration ' + s.config_digest.substring(0, 16);
  const clients = document.getElementById('clients'); clients.textContent = '';
  s.clients.forEach(c => { const e = document.createElement('span'); e.className = c.state; e.title = c.state + (c.node ? ' on ' + c.node : ''); e.textContent = c.client; clients.appendChild(e); });
  refill(document.getElementById('nodes'), s.nodes.map(n => [n.name, n.key, n.clients, n.lost ? 'lost' : 'alive', n.seconds_since_seen + ' s ago']));
  refill(document.getElementById('rounds'), s.rounds.map(r => [r.round, r.accuracy == null ? '' : (100 * r.accuracy).toFixed(2) + ' %', r.reported, r.dropped.join('; '), Object.entries(r.flagged).map(([d, f]) => d + ': ' + f.join(',')).join('; ')]));
  const pts = s.rounds.filter(r => r.accuracy != null);
  const svg = document.getElementById('curve');
  svg.innerHTML = [0, 0.5, 1].map(a => '<line x1="20" x2="460" y1="' + (180 - 160 * a) + '" y2="' + (180 - 160 * a) + '" stroke="#eee"/><text x="462" y="' + (184 - 160 * a) + '" font-size="10" fill="#888">' + (100 * a) + ' %</text>').join('')
    + '<text x="20" y="196" font-size="10" fill="#888">round 1</text><text x="420" y="196" font-size="10" fill="#888">round ' + s.total_rounds + '</text>';
  if (pts.length > 0) {
    const x = r => 20 + 440 * (s.total_rounds > 1 ? (r.round - 1) / (s.total_rounds - 1) : 0), y = a => 180 - 160 * a;
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', pts.map(r => x(r) + ',' + y(r.accuracy)).join(' '));
    line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#1f77b4'); line.setAttribute('stroke-width', '2');
    svg.appendChild(line);
  }
}
refresh(); setInterval(refresh, 2000);
</script>
</body>
</html>
""";
}
