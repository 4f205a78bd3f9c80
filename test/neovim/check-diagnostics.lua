-- Drives the cc7 language server from Neovim's own LSP client (0.7 and later), headless:
--
--   nvim --headless --clean -c 'luafile test/neovim/check-diagnostics.lua'
--
-- Everything comes from environment variables (test/neovim/neovim.test.ts sets them):
--   CC7_NVIM_NODE       the node binary ("node" when unset)
--   CC7_NVIM_SERVER     absolute path of dist/server.js
--   CC7_NVIM_WORKSPACE  the workspace folder (absolute)
--   CC7_NVIM_FILE       the file to open (absolute, inside the workspace)
--   CC7_NVIM_EXPECT     rule codes expected on opening, comma-separated ("schema,unknown-key")
--   CC7_NVIM_FIX_FROM   text in the file the edit replaces (its first occurrence)
--   CC7_NVIM_FIX_TO     what it is replaced with
--   CC7_NVIM_EXPECT_AFTER  rule codes expected once the edit is checked
--   CC7_NVIM_HOVER      where to hover once the edit is checked: "line,character" (0-based)
--   CC7_NVIM_RESULT     where the JSON result is written
--   CC7_NVIM_TIMEOUT_MS how long each wait may last (10000 when unset)
-- The server inherits Neovim's environment, so CC7_NOW fixes its "now".
--
-- Then it asks for a hover at CC7_NVIM_HOVER, and for completion on a new empty last line
-- of the buffer (where a top-level key goes), with vim.lsp.buf_request_sync.
--
-- The result: { nvim, before = [diagnostic...], after = [diagnostic...], hover, completion,
-- server_exit, failure? }, each diagnostic { line, col, end_line, end_col (0-based; cols in
-- bytes, as Neovim keeps them), severity (Neovim's name: ERROR, WARN, INFO, HINT), code,
-- source, message }; hover { kind, value, range }; completion [{ label, kind, detail }] in
-- the order of their sortText.
-- Exits with :qall! when every wait succeeded, :cquit 1 otherwise (the result says what was seen).

local env = function(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then
    if default ~= nil then return default end
    error('environment variable ' .. name .. ' is not set')
  end
  return value
end

local result_path = env('CC7_NVIM_RESULT')
local result = { before = {}, after = {} }
local client_id
local server_exit

local function codes_of(list)
  local codes = {}
  for _, d in ipairs(list) do table.insert(codes, d.code or '<none>') end
  table.sort(codes)
  return table.concat(codes, ',')
end

local function sorted_codes(csv)
  local codes = vim.split(csv, ',', { plain = true, trimempty = true })
  table.sort(codes)
  return table.concat(codes, ',')
end

-- Neovim 0.7.2 has the LSP code at the top level and also in user_data.lsp.code (deprecated
-- there); some earlier builds had only the latter. Read either.
local function code_of(d)
  if d.code ~= nil then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code or nil
end

local function observe(buf)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(seen, {
      line = d.lnum,
      col = d.col,
      end_line = d.end_lnum,
      end_col = d.end_col,
      severity = vim.diagnostic.severity[d.severity],
      code = code_of(d),
      source = d.source,
      message = d.message,
    })
  end
  table.sort(seen, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    return a.col < b.col
  end)
  return seen
end

-- Waits (processing events, never sleeping blind) until the buffer's rule codes are `want`.
local function wait_for_codes(buf, want, timeout, phase)
  local ok = vim.wait(timeout, function()
    return codes_of(observe(buf)) == want
  end, 50)
  result[phase] = observe(buf)
  if not ok then
    error(string.format('%s: timed out after %d ms waiting for codes [%s]; saw [%s]',
      phase, timeout, want, codes_of(result[phase])), 0)
  end
end

-- One request through Neovim's client, waited for; its result, or an error naming the method.
local function request(buf, method, params, timeout)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, timeout)
  if responses == nil then error(string.format('%s: no answer within %d ms (%s)', method, timeout, tostring(err)), 0) end
  local response = responses[client_id]
  if response == nil then error(method .. ': the cc7 client did not answer', 0) end
  if response.error ~= nil then error(method .. ': ' .. vim.inspect(response.error), 0) end
  return response.result
end

-- Hover at a position, then completion on a new last line, as a user would ask for them.
local function ask_hover_and_completion(buf, timeout)
  local uri = vim.uri_from_bufnr(buf)
  local line, character = env('CC7_NVIM_HOVER'):match('^(%d+),(%d+)$')
  local hover = request(buf, 'textDocument/hover', {
    textDocument = { uri = uri }, position = { line = tonumber(line), character = tonumber(character) },
  }, timeout)
  result.hover = hover and { kind = hover.contents.kind, value = hover.contents.value, range = hover.range } or vim.NIL

  vim.api.nvim_buf_set_lines(buf, -1, -1, true, { '' })
  local last = vim.api.nvim_buf_line_count(buf) - 1
  local answer = request(buf, 'textDocument/completion', {
    textDocument = { uri = uri }, position = { line = last, character = 0 },
  }, timeout)
  local items = answer and (answer.items or answer) or {}
  table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  result.completion = {}
  for _, item in ipairs(items) do
    table.insert(result.completion, { label = item.label, kind = item.kind, detail = item.detail or vim.NIL })
  end
end

local function write_result()
  result.nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
  result.server_exit = server_exit
  vim.fn.writefile({ vim.fn.json_encode(result) }, result_path)
end

-- Shuts the server down (shutdown, then exit) and waits for its process to end.
local function stop_server()
  if client_id == nil then return end
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return server_exit ~= nil end, 50)
end

local function run()
  local timeout = tonumber(env('CC7_NVIM_TIMEOUT_MS', '10000'))
  local workspace = env('CC7_NVIM_WORKSPACE')
  local file = env('CC7_NVIM_FILE')

  client_id = vim.lsp.start_client({
    name = 'cc7',
    cmd = { env('CC7_NVIM_NODE', 'node'), env('CC7_NVIM_SERVER'), '--stdio' },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = vim.fn.fnamemodify(workspace, ':t') } },
    -- A plain {} would go out as [] (an empty Lua table encodes as a JSON array).
    init_options = { settings = vim.empty_dict() },
    on_exit = function(code, signal) server_exit = { code = code, signal = signal } end,
  })
  if client_id == nil then error('vim.lsp.start_client did not start the server', 0) end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  if not vim.lsp.buf_attach_client(buf, client_id) then error('buf_attach_client failed', 0) end

  wait_for_codes(buf, sorted_codes(env('CC7_NVIM_EXPECT')), timeout, 'before')

  -- Edit the buffer (not the file): the change reaches the server as didChange.
  local from, to = env('CC7_NVIM_FIX_FROM'), env('CC7_NVIM_FIX_TO')
  local edited = false
  for row, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    local start = text:find(from, 1, true)
    if start then
      vim.api.nvim_buf_set_text(buf, row - 1, start - 1, row - 1, start - 1 + #from, { to })
      edited = true
      break
    end
  end
  if not edited then error('the text to replace is not in the buffer: ' .. from, 0) end

  wait_for_codes(buf, sorted_codes(env('CC7_NVIM_EXPECT_AFTER', '')), timeout, 'after')

  ask_hover_and_completion(buf, timeout)
end

local ok, err = xpcall(run, function(message)
  if type(message) == 'string' and message:find('timed out', 1, true) then return message end
  return debug.traceback(tostring(message), 2)
end)
if not ok then result.failure = tostring(err) end
-- A failure is reported even if writing or stopping fails too.
pcall(stop_server)
local written = pcall(write_result)
if ok and written then
  vim.cmd('qall!')
else
  vim.cmd('cquit 1')
end
