# frozen_string_literal: true

# Webhook endpoint (Ruby): logs every event the service (or the emulator) POSTs to it, parsed by
# OpenTok::Events.parse. Register its URL as the project's callback (session monitoring, archive
# and broadcast status) or as a statusCallbackUrl (captions, renders).
#   ruby examples/ruby/webhook.rb          # listens on 127.0.0.1:8080 (PORT to change)
# Standard library only: a TCPServer reading one HTTP request per connection.
require "socket"
require "opentok_native"

def describe(event)
  case event
  when OpenTok::Events::ConnectionCreated, OpenTok::Events::ConnectionDestroyed
    "#{event.type} #{event.session_id} connection=#{event.connection.id} data=#{event.connection.data.inspect}"
  when OpenTok::Events::StreamCreated, OpenTok::Events::StreamDestroyed
    "#{event.type} #{event.session_id} stream=#{event.stream.id} videoType=#{event.stream.video_type}"
  when OpenTok::Events::ArchiveChanged then "archive #{event.archive.id} #{event.status} url=#{event.archive.url}"
  when OpenTok::Events::BroadcastChanged then "broadcast #{event.broadcast.id} #{event.status}"
  when OpenTok::Events::Unknown then "unknown event: #{event.raw}"
  else "#{event.type} #{event.session_id}"
  end
end

def handle(client)
  client.gets # request line
  length = 0
  while (line = client.gets) && line != "\r\n"
    length = line.split(":", 2).last.to_i if line.downcase.start_with?("content-length:")
  end
  body = client.read(length).to_s
  status = begin
    puts describe(OpenTok::Events.parse(body))
    "200 OK"
  rescue OpenTok::OpenTokArgumentError => e # not JSON
    puts "rejected: #{e.message}"
    "400 Bad Request"
  end
  client.write("HTTP/1.1 #{status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
ensure
  client.close
end

$stdout.sync = true
server = TCPServer.new("127.0.0.1", Integer(ENV.fetch("PORT", "8080")))
puts "webhook listening on http://127.0.0.1:#{server.addr[1]}/"
loop { handle(server.accept) }
